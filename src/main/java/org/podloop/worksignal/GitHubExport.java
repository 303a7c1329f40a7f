package org.podloop.worksignal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a GitHub export (a JSON array of issues and pull requests as {@code /repos/{o}/{r}/issues} returns
 * them, each with an added {@code timeline} from {@code /issues/{number}/timeline} and, for pull requests, its
 * {@code reviews} from {@code /pulls/{number}/reviews}) into {@link WorkItem}s whose status names are the ones
 * {@link StatusMapping} already knows, so that the metrics and {@code rules/work-tracking.yaml} apply as they
 * are:
 *
 * <ul>
 *   <li>"Done" once closed or merged, until reopened;
 *   <li>"Blocked" while open and carrying a label named "blocked" (any case);
 *   <li>an issue: "In Progress" while someone is assigned, "To Do" while nobody is;
 *   <li>a pull request: "In Progress" while a draft, "In Review" from being ready for review (at creation when
 *       not opened as a draft, or at {@code ready_for_review}) until the first review by someone other than
 *       its author, then "In Progress" again.
 * </ul>
 *
 * It owns the GitHub format and the privacy cut: logins are compared while an item is read and never leave
 * this class; bad input is refused with a {@link WorkImportException} naming the field.
 */
final class GitHubExport {

    private static final List<DateTimeFormatter> TIME_FORMATS = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

    static final String TO_DO = "To Do";
    static final String IN_PROGRESS = "In Progress";
    static final String IN_REVIEW = "In Review";
    static final String BLOCKED = "Blocked";
    static final String DONE = "Done";

    private static final String NOT_AN_EXPORT = "this is not a GitHub export (an array of issues and pull requests,"
            + " each with its \"timeline\" and, for pull requests, its \"reviews\")";
    private static final String BLOCKED_LABEL = "blocked";

    private GitHubExport() {}

    static List<WorkItem> parse(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new WorkImportException("body", "the export is empty");
        }
        if (!body.isArray()) {
            throw new WorkImportException(
                    "body",
                    body.isObject() && body.has("issues")
                            ? NOT_AN_EXPORT + "; this looks like a Jira search response: import it with source=jira"
                            : NOT_AN_EXPORT);
        }
        List<WorkItem> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < body.size(); i++) {
            String field = "[" + i + "]";
            WorkItem item = readItem(body.get(i), field);
            if (!keys.add(item.key())) {
                throw new WorkImportException(
                        field + ".number",
                        item.key() + " appears more than once; export each issue and pull request once");
            }
            items.add(item);
        }
        return List.copyOf(items);
    }

    private static WorkItem readItem(JsonNode node, String field) {
        if (!node.isObject() || (!node.has("number") && !node.has("created_at"))) {
            throw new WorkImportException(field, NOT_AN_EXPORT);
        }
        JsonNode number = node.path("number");
        if (number.isMissingNode() || number.isNull()) {
            throw new WorkImportException(field + ".number", "is missing");
        }
        if (!number.canConvertToLong() || !number.isIntegralNumber() || number.asLong() < 1) {
            throw new WorkImportException(field + ".number", "expected a whole number such as 12");
        }
        String key = "#" + number.asLong();
        Instant created = time(node, "created_at", field, true);
        String state = ExportFields.text(node, "state", field);
        if (!state.equals("open") && !state.equals("closed")) {
            throw new WorkImportException(field + ".state", "expected \"open\" or \"closed\"");
        }
        Instant closedAt = time(node, "closed_at", field, false);
        JsonNode pullRequest = node.path("pull_request");
        boolean isPullRequest = pullRequest.isObject();
        String author = isPullRequest ? login(node, "user", field, true) : null;

        JsonNode timeline = node.path("timeline");
        if (timeline.isMissingNode() || timeline.isNull()) {
            throw new WorkImportException(
                    field + ".timeline",
                    "the timeline is missing; add each item's events from /issues/{number}/timeline");
        }
        if (!timeline.isArray()) {
            throw new WorkImportException(field + ".timeline", "expected a list of events");
        }
        List<Event> events = new ArrayList<>();
        for (int e = 0; e < timeline.size(); e++) {
            readEvent(timeline.get(e), field + ".timeline[" + e + "]", events);
        }
        if (isPullRequest) {
            readReviews(node, field, author, events);
        }
        // GitHub lists the timeline oldest first; a stable sort keeps same-time events in its order
        events.sort(Comparator.comparing(Event::at));

        State now = initialState(node, field, isPullRequest, events);
        String createdStatus = now.status(isPullRequest);
        List<StatusChange> statuses = new ArrayList<>();
        List<AssigneeChange> assignees = new ArrayList<>();
        boolean assignedAtCreation = !now.assigned.isEmpty();
        // logins stay in this method: only whether the set of people assigned changed leaves it
        Set<String> lastAssigned = new HashSet<>(now.assigned);
        Instant doneAt = createdStatus.equals(DONE) ? created : null;
        String status = createdStatus;
        for (Event event : events) {
            boolean assignedBefore = !now.assigned.isEmpty();
            Set<String> before = Set.copyOf(now.assigned);
            now.apply(event);
            if (!before.equals(now.assigned)) {
                boolean toSomeone = !now.assigned.isEmpty();
                boolean changedPerson = toSomeone && !now.assigned.equals(lastAssigned);
                assignees.add(new AssigneeChange(event.at(), assignedBefore, toSomeone, changedPerson));
                if (toSomeone) {
                    lastAssigned = new HashSet<>(now.assigned);
                }
            }
            String next = now.status(isPullRequest);
            if (!next.equals(status)) {
                statuses.add(new StatusChange(event.at(), status, next));
                if (next.equals(DONE)) {
                    doneAt = event.at();
                }
                status = next;
            }
        }
        if (state.equals("closed") && !status.equals(DONE)) {
            // the timeline was cut short: the item is closed, at closed_at
            if (closedAt == null) {
                throw new WorkImportException(
                        field + ".closed_at", "is missing: a closed item without a closed event needs the time");
            }
            statuses.add(new StatusChange(closedAt, status, DONE));
            doneAt = closedAt;
            status = DONE;
        }
        Instant resolved = closedAt;
        if (resolved == null && isPullRequest) {
            resolved = time(pullRequest, "merged_at", field + ".pull_request", false);
        }
        if (resolved == null && status.equals(DONE)) {
            resolved = doneAt;
        }
        return new WorkItem(key, created, createdStatus, resolved, statuses, assignees, assignedAtCreation, List.of());
    }

    private static void readEvent(JsonNode node, String field, List<Event> events) {
        if (!node.isObject()) {
            throw new WorkImportException(field, "expected an event");
        }
        String name = ExportFields.text(node, "event", field);
        Kind kind = switch (name) {
            case "assigned" -> Kind.ASSIGNED;
            case "unassigned" -> Kind.UNASSIGNED;
            case "labeled" -> Kind.LABELED;
            case "unlabeled" -> Kind.UNLABELED;
            case "closed", "merged" -> Kind.CLOSED;
            case "reopened" -> Kind.REOPENED;
            case "ready_for_review" -> Kind.READY;
            case "converted_to_draft" -> Kind.DRAFT;
            // review_requested, commented, committed, referenced, …: no bearing on the status
            default -> null;
        };
        if (kind == null) {
            return;
        }
        Instant at = time(node, "created_at", field, true);
        String subject = switch (kind) {
            case ASSIGNED, UNASSIGNED -> login(node, "assignee", field, true);
            case LABELED, UNLABELED ->
                ExportFields.text(ExportFields.object(node, "label", field), "name", field + ".label");
            default -> null;
        };
        events.add(new Event(at, kind, subject));
    }

    private static void readReviews(JsonNode node, String field, String author, List<Event> events) {
        JsonNode reviews = node.path("reviews");
        if (reviews.isMissingNode() || reviews.isNull()) {
            throw new WorkImportException(
                    field + ".reviews",
                    "a pull request's reviews are missing; add them from /pulls/{number}/reviews (an empty list"
                            + " if it has none)");
        }
        if (!reviews.isArray()) {
            throw new WorkImportException(field + ".reviews", "expected a list of reviews");
        }
        for (int r = 0; r < reviews.size(); r++) {
            String reviewField = field + ".reviews[" + r + "]";
            JsonNode review = reviews.get(r);
            if (!review.isObject()) {
                throw new WorkImportException(reviewField, "expected a review");
            }
            if ("PENDING".equalsIgnoreCase(review.path("state").asText())) {
                continue; // not submitted: nobody has seen it yet
            }
            Instant at = time(review, "submitted_at", reviewField, true);
            // a deleted account's review (user null) is someone else's
            String reviewer = login(review, "user", reviewField, false);
            if (!author.equals(reviewer)) {
                events.add(new Event(at, Kind.REVIEWED, null));
            }
        }
    }

    /**
     * The item's state at its creation: whoever an event first un-assigns (or who is assigned now with no
     * event about them) was assigned then; likewise for the blocked label and for being a draft.
     */
    private static State initialState(JsonNode node, String field, boolean isPullRequest, List<Event> events) {
        Map<String, Kind> firstAssignment = new HashMap<>();
        Kind firstBlocked = null;
        Kind firstDraft = null;
        for (Event event : events) {
            switch (event.kind()) {
                case ASSIGNED, UNASSIGNED -> firstAssignment.putIfAbsent(event.subject(), event.kind());
                case LABELED, UNLABELED -> {
                    if (firstBlocked == null && isBlocked(event.subject())) {
                        firstBlocked = event.kind();
                    }
                }
                case READY, DRAFT -> {
                    if (firstDraft == null) {
                        firstDraft = event.kind();
                    }
                }
                default -> {
                    // not about the state at creation
                }
            }
        }
        State state = new State();
        firstAssignment.forEach((login, kind) -> {
            if (kind == Kind.UNASSIGNED) {
                state.assigned.add(login);
            }
        });
        for (String login : currentAssignees(node, field)) {
            if (!firstAssignment.containsKey(login)) {
                state.assigned.add(login);
            }
        }
        state.blocked = firstBlocked == null ? currentlyBlocked(node, field) : firstBlocked == Kind.UNLABELED;
        if (isPullRequest) {
            JsonNode draft = node.path("draft");
            if (!draft.isMissingNode() && !draft.isNull() && !draft.isBoolean()) {
                throw new WorkImportException(field + ".draft", "expected true or false");
            }
            state.draft = firstDraft == null ? draft.asBoolean(false) : firstDraft == Kind.READY;
            state.awaitingReview = !state.draft;
        }
        return state;
    }

    private static Set<String> currentAssignees(JsonNode node, String field) {
        Set<String> logins = new LinkedHashSet<>();
        String single = login(node, "assignee", field, false);
        if (single != null) {
            logins.add(single);
        }
        JsonNode list = node.path("assignees");
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) {
                throw new WorkImportException(field + ".assignees", "expected a list of people");
            }
            for (int a = 0; a < list.size(); a++) {
                String login = login(list, a, field + ".assignees");
                if (login != null) {
                    logins.add(login);
                }
            }
        }
        return logins;
    }

    private static boolean currentlyBlocked(JsonNode node, String field) {
        JsonNode labels = node.path("labels");
        if (labels.isMissingNode() || labels.isNull()) {
            return false;
        }
        if (!labels.isArray()) {
            throw new WorkImportException(field + ".labels", "expected a list of labels");
        }
        for (JsonNode label : labels) {
            JsonNode name = label.isObject() ? label.path("name") : label;
            if (name.isTextual() && isBlocked(name.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlocked(String label) {
        return label.strip().equalsIgnoreCase(BLOCKED_LABEL);
    }

    /** The login of the person in {@code parent.name}: required, or null when the person is null or absent. */
    private static String login(JsonNode parent, String name, String field, boolean required) {
        JsonNode person = parent.path(name);
        if (person.isMissingNode() || person.isNull()) {
            if (required) {
                throw new WorkImportException(field + "." + name + ".login", "is missing");
            }
            return null;
        }
        if (!person.isObject()) {
            throw new WorkImportException(field + "." + name, "expected a person with a \"login\"");
        }
        return ExportFields.text(person, "login", field + "." + name);
    }

    private static String login(JsonNode list, int index, String field) {
        JsonNode person = list.get(index);
        if (person.isNull()) {
            return null;
        }
        if (!person.isObject()) {
            throw new WorkImportException(field + "[" + index + "]", "expected a person with a \"login\"");
        }
        return ExportFields.text(person, "login", field + "[" + index + "]");
    }

    private static Instant time(JsonNode parent, String name, String field, boolean required) {
        return ExportFields.time(parent, name, field, required, TIME_FORMATS, "2026-11-03T09:15:00Z");
    }

    private enum Kind {
        ASSIGNED,
        UNASSIGNED,
        LABELED,
        UNLABELED,
        CLOSED,
        REOPENED,
        READY,
        DRAFT,
        REVIEWED
    }

    /** One event while an item is read; its subject (a login or a label) goes no further than here. */
    private record Event(Instant at, Kind kind, String subject) {}

    /** What an item is at one moment while it is read; the logins assigned stay in this class. */
    private static final class State {
        final Set<String> assigned = new LinkedHashSet<>();
        boolean open = true;
        boolean blocked;
        boolean draft;
        boolean awaitingReview;

        void apply(Event event) {
            switch (event.kind()) {
                case ASSIGNED -> assigned.add(event.subject());
                case UNASSIGNED -> assigned.remove(event.subject());
                case LABELED -> blocked |= isBlocked(event.subject());
                case UNLABELED -> blocked &= !isBlocked(event.subject());
                case CLOSED -> open = false;
                case REOPENED -> open = true;
                case READY -> {
                    if (draft) {
                        draft = false;
                        awaitingReview = true;
                    }
                }
                case DRAFT -> {
                    draft = true;
                    awaitingReview = false;
                }
                case REVIEWED -> {
                    if (!draft) {
                        awaitingReview = false;
                    }
                }
            }
        }

        String status(boolean isPullRequest) {
            if (!open) {
                return DONE;
            }
            if (blocked) {
                return BLOCKED;
            }
            if (isPullRequest) {
                return draft || !awaitingReview ? IN_PROGRESS : IN_REVIEW;
            }
            return assigned.isEmpty() ? TO_DO : IN_PROGRESS;
        }
    }
}
