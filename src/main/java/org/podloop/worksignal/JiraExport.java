package org.podloop.worksignal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a Jira search export ({@code /rest/api/2/search?expand=changelog}: one response
 * {@code {"issues":[...]}} or a JSON array of such pages) into {@link WorkItem}s. It owns the Jira format
 * and the privacy cut: assignee names are compared while an issue is read and never leave this class; bad
 * input is refused with a {@link WorkImportException} naming the field.
 */
final class JiraExport {

    private static final String NOT_A_SEARCH_RESPONSE = "this is not a Jira search response: expected an object"
            + " with an \"issues\" list, as /rest/api/2/search?expand=changelog returns, or a list of such pages";

    /** Jira's own timestamps: {@code 2026-11-03T09:15:00.000+0000}. */
    private static final DateTimeFormatter JIRA_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHMM", "Z")
            .toFormatter();

    private static final List<DateTimeFormatter> TIME_FORMATS =
            List.of(JIRA_TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME);

    private JiraExport() {}

    static List<WorkItem> parse(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new WorkImportException("body", "the export is empty");
        }
        List<WorkItem> items = new ArrayList<>();
        if (body.isObject()) {
            readPage(body, "", items);
        } else if (body.isArray()) {
            for (int page = 0; page < body.size(); page++) {
                readPage(body.get(page), "[" + page + "].", items);
            }
        } else {
            throw new WorkImportException("body", NOT_A_SEARCH_RESPONSE);
        }
        return List.copyOf(items);
    }

    /**
     * The statuses whose Jira category is {@code done}, as far as the export tells (the current status of
     * each issue carries its category; the changelog does not), for {@link StatusMapping#withDone}.
     */
    static Set<String> doneCategoryStatuses(JsonNode body) {
        Set<String> done = new TreeSet<>();
        List<JsonNode> pages = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(pages::add);
        } else if (body != null) {
            pages.add(body);
        }
        for (JsonNode page : pages) {
            for (JsonNode issue : page.path("issues")) {
                JsonNode status = issue.path("fields").path("status");
                if ("done"
                                .equalsIgnoreCase(status.path("statusCategory")
                                        .path("key")
                                        .asText())
                        && status.path("name").isTextual()) {
                    done.add(status.path("name").asText().strip());
                }
            }
        }
        return done;
    }

    private static void readPage(JsonNode page, String prefix, List<WorkItem> items) {
        String pageField = prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1);
        if (page == null || !page.isObject() || !page.has("issues")) {
            throw new WorkImportException(pageField, NOT_A_SEARCH_RESPONSE);
        }
        JsonNode issues = page.get("issues");
        if (!issues.isArray()) {
            throw new WorkImportException(prefix + "issues", "expected a list of issues");
        }
        Set<String> keys = items.stream().map(WorkItem::key).collect(Collectors.toCollection(HashSet::new));
        for (int i = 0; i < issues.size(); i++) {
            String field = prefix + "issues[" + i + "]";
            WorkItem item = readIssue(issues.get(i), field);
            if (!keys.add(item.key())) {
                throw new WorkImportException(
                        field + ".key", "issue " + item.key() + " appears more than once; export each issue once");
            }
            items.add(item);
        }
    }

    private static WorkItem readIssue(JsonNode issue, String field) {
        if (!issue.isObject() || !issue.has("key") || !issue.has("fields")) {
            throw new WorkImportException(
                    field, "expected a Jira issue with a \"key\" and \"fields\"; " + NOT_A_SEARCH_RESPONSE);
        }
        String key = ExportFields.text(issue, "key", field);
        JsonNode fields = ExportFields.object(issue, "fields", field);
        JsonNode status = ExportFields.object(fields, "status", field + ".fields");
        String currentStatus = ExportFields.text(status, "name", field + ".fields.status");
        Instant created = time(fields, "created", field + ".fields", true);
        Instant resolved = time(fields, "resolutiondate", field + ".fields", false);
        JsonNode assignee = fields.path("assignee");
        if (!assignee.isMissingNode() && !assignee.isNull() && !assignee.isObject()) {
            throw new WorkImportException(field + ".fields.assignee", "expected a person or null");
        }
        boolean assignedNow = assignee.isObject();

        JsonNode changelog = issue.path("changelog");
        if (!changelog.isObject()) {
            throw new WorkImportException(
                    field + ".changelog", "the changelog is missing; export with /rest/api/2/search?expand=changelog");
        }
        JsonNode histories = changelog.path("histories");
        if (!histories.isArray()) {
            throw new WorkImportException(field + ".changelog.histories", "expected a list of changes");
        }
        List<Change> changes = new ArrayList<>();
        for (int h = 0; h < histories.size(); h++) {
            String historyField = field + ".changelog.histories[" + h + "]";
            JsonNode history = histories.get(h);
            if (!history.isObject()) {
                throw new WorkImportException(historyField, "expected a change with \"created\" and \"items\"");
            }
            Instant at = time(history, "created", historyField, true);
            JsonNode entries = history.path("items");
            if (!entries.isArray()) {
                throw new WorkImportException(historyField + ".items", "expected a list of changed fields");
            }
            for (int e = 0; e < entries.size(); e++) {
                String entryField = historyField + ".items[" + e + "]";
                JsonNode entry = entries.get(e);
                if (!entry.isObject()) {
                    throw new WorkImportException(entryField, "expected a changed field");
                }
                String name = ExportFields.text(entry, "field", entryField);
                changes.add(new Change(
                        at,
                        name,
                        optionalText(entry, "fromString", entryField),
                        optionalText(entry, "toString", entryField),
                        entryField));
            }
        }
        // Jira lists histories oldest first, but not every version does; a stable sort keeps same-time order
        changes.sort(Comparator.comparing(Change::at));

        List<StatusChange> statuses = new ArrayList<>();
        List<Change> assigneeChanges = new ArrayList<>();
        List<Change> sprintChanges = new ArrayList<>();
        for (Change change : changes) {
            switch (change.field().toLowerCase(Locale.ROOT)) {
                case "status" -> {
                    if (change.to() == null || change.to().isBlank()) {
                        throw new WorkImportException(
                                change.path() + ".toString", "a status change needs the new status");
                    }
                    statuses.add(new StatusChange(
                            change.at(), strip(change.from()), change.to().strip()));
                }
                case "assignee" -> assigneeChanges.add(change);
                case "sprint" -> sprintChanges.add(change);
                default -> {
                    // other fields do not bear on the work metrics
                }
            }
        }
        String createdStatus = statuses.isEmpty() || statuses.get(0).from() == null
                ? currentStatus.strip()
                : statuses.get(0).from();

        boolean assignedAtCreation =
                assigneeChanges.isEmpty() ? assignedNow : assigneeChanges.get(0).from() != null;
        // names stay in this method: only whether the person changed leaves it
        String last = assigneeChanges.isEmpty() ? null : assigneeChanges.get(0).from();
        List<AssigneeChange> assignees = new ArrayList<>();
        for (Change change : assigneeChanges) {
            boolean toSomeone = change.to() != null;
            boolean changedPerson = toSomeone && !Objects.equals(change.to(), last);
            assignees.add(new AssigneeChange(change.at(), change.from() != null, toSomeone, changedPerson));
            if (toSomeone) {
                last = change.to();
            }
        }

        return new WorkItem(
                key,
                created,
                createdStatus,
                resolved,
                statuses,
                assignees,
                assignedAtCreation,
                sprints(sprintChanges, created));
    }

    /** Sprint memberships from changes of the Sprint field, whose values are comma-separated sprint names. */
    private static List<SprintSpan> sprints(List<Change> changes, Instant created) {
        List<SprintSpan> spans = new ArrayList<>();
        if (changes.isEmpty()) {
            return spans;
        }
        Map<String, Instant> open = new LinkedHashMap<>();
        for (String sprint : sprintNames(changes.get(0).from())) {
            open.put(sprint, created);
        }
        for (Change change : changes) {
            Set<String> before = sprintNames(change.from());
            Set<String> after = sprintNames(change.to());
            for (String sprint : before) {
                if (!after.contains(sprint) && open.containsKey(sprint)) {
                    spans.add(new SprintSpan(sprint, open.remove(sprint), change.at()));
                }
            }
            for (String sprint : after) {
                open.putIfAbsent(sprint, change.at());
            }
        }
        open.forEach((sprint, addedAt) -> spans.add(new SprintSpan(sprint, addedAt, null)));
        spans.sort(Comparator.comparing(SprintSpan::addedAt));
        return spans;
    }

    private static Set<String> sprintNames(String value) {
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String optionalText(JsonNode parent, String name, String field) {
        JsonNode node = parent.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new WorkImportException(field + "." + name, "expected text or null");
        }
        return node.asText().isBlank() ? null : node.asText();
    }

    /** When an issue was created, as its export says. */
    static Instant createdOf(JsonNode issue) {
        return time(issue.path("fields"), "created", "issues", true);
    }

    private static Instant time(JsonNode parent, String name, String field, boolean required) {
        return ExportFields.time(
                parent, name, field, required, TIME_FORMATS, "2026-11-03T09:15:00.000+0000 or 2026-11-03T09:15:00Z");
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** One changed field while an issue is read; its texts (which may be names) go no further than here. */
    private record Change(Instant at, String field, String from, String to, String path) {}
}
