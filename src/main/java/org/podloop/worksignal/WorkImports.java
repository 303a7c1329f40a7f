package org.podloop.worksignal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.podloop.common.InvalidInputException;
import org.podloop.intake.IntakeResult;
import org.podloop.intake.SnapshotIntake;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.WorkTracking;
import org.podloop.signal.NewSnapshot;
import org.springframework.stereotype.Service;

/**
 * A tracker export of one team and period → the execution metrics → one snapshot
 * ({@code work-{source}-{from}-{to}}, so the same import again answers the same and stores nothing).
 * Everything is checked before anything is stored: the source, the period (at most
 * {@code podloop.work.longest-period-days}), the export's shape, items that cannot belong to the period,
 * and statuses the mapping does not know.
 */
@Service
public class WorkImports {

    private static final Set<String> SOURCES = Set.of("jira", "github");

    private final SnapshotIntake intake;
    private final ActiveRuleset rules;
    private final WorkProperties properties;
    private final Clock clock;

    WorkImports(SnapshotIntake intake, ActiveRuleset rules, WorkProperties properties, Clock clock) {
        this.intake = intake;
        this.rules = rules;
        this.properties = properties;
        this.clock = clock;
    }

    public WorkImportResult importWork(
            String team,
            String source,
            String from,
            String to,
            String sprint,
            Integer reportedDonePercent,
            JsonNode export) {
        String kind = source == null ? "" : source.strip().toLowerCase(Locale.ROOT);
        if (!SOURCES.contains(kind)) {
            throw new InvalidInputException("source", "must be jira or github");
        }
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        // the refusals about the export name what was sent: Jira's issues, or GitHub's list
        String input = kind.equals("jira") ? "issues" : "body";
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!last.isBefore(today)) {
            throw new InvalidInputException("to", "must be a day that is over (before " + today + ", UTC)");
        }
        if (last.isBefore(first)) {
            throw new InvalidInputException("to", "must not lie before from (" + first + ")");
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > properties.longestPeriodDays()) {
            throw new InvalidInputException(
                    "to",
                    "the period covers " + days + " days; one import covers at most " + properties.longestPeriodDays());
        }
        if (reportedDonePercent != null && (reportedDonePercent < 0 || reportedDonePercent > 100)) {
            throw new InvalidInputException("reportedDonePercent", "must lie between 0 and 100");
        }
        boolean github = kind.equals("github");
        if (export == null || export.isNull()) {
            throw new InvalidInputException(
                    "body",
                    github
                            ? "is required: the array of issues and pull requests, each with its timeline (and reviews)"
                            : "is required: the Jira issue search response (or an array of its pages)");
        }
        List<WorkItem> items;
        try {
            items = github ? GitHubExport.parse(export) : JiraExport.parse(export);
        } catch (WorkImportException refused) {
            throw new InvalidInputException(refused.field(), refused.getMessage());
        }
        var start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        var end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> later = items.stream()
                .filter(item -> item.created() != null && !item.created().isBefore(end))
                .map(WorkItem::key)
                .toList();
        if (!later.isEmpty()) {
            throw new InvalidInputException(
                    input,
                    later.size() + " item(s) were created after the period ends (" + last + "): "
                            + String.join(", ", later.stream().limit(5).toList())
                            + (later.size() > 5 ? ", …" : "") + "; export the period asked for");
        }
        WorkTracking.StatusLists lists = rules.workTracking().forTeam(team);
        StatusMapping mapping = new StatusMapping(
                lower(lists.inProgress()),
                lower(lists.waiting()),
                lower(lists.waitingPrefixes()),
                lower(lists.decision()),
                lower(lists.done()),
                lower(lists.other()));
        WorkMetrics metrics = WorkMetrics.compute(
                items,
                // Jira's changelog names statuses, not their categories: those of category done are done too;
                // GitHub's statuses are the synthetic ones the mapping knows as they are
                github ? mapping : mapping.withDone(JiraExport.doneCategoryStatuses(export)),
                start,
                end,
                blankToNull(sprint),
                reportedDonePercent,
                properties.minItems());
        if (!metrics.unknownStatuses().isEmpty()) {
            throw new InvalidInputException(
                    input,
                    "unknown statuses: "
                            + String.join(
                                    ", ",
                                    metrics.unknownStatuses().stream().sorted().toList())
                            + "; map them in rules/work-tracking.yaml (in-progress, waiting, decision, done or other)");
        }
        if (metrics.derived().isEmpty()) {
            throw new InvalidInputException(
                    input,
                    "no metric can be derived: "
                            + metrics.leftOut().stream()
                                    .map(left -> left.metric() + " (" + left.reason() + ")")
                                    .collect(Collectors.joining("; ")));
        }
        String provenance = (github ? "GitHub, " : "Jira, ") + first + " – " + last;
        Map<String, Double> signals = new LinkedHashMap<>();
        Map<String, String> whereFrom = new LinkedHashMap<>();
        metrics.derived().forEach(derived -> {
            signals.put(derived.metric(), derived.value());
            whereFrom.put(derived.metric(), derived.basis() + ", " + provenance);
        });
        String externalId = "work-" + kind + "-" + first + "-" + last;
        // a snapshot counts who it measured: for work, the items of the export (no survey metric is in it)
        IntakeResult stored =
                intake.receive(team, NewSnapshot.derived(externalId, end, items.size(), signals, whereFrom));
        return new WorkImportResult(
                stored.snapshotId(),
                stored.findings(),
                stored.loop(),
                kind,
                first,
                last,
                items.size(),
                metrics.derived().stream()
                        .map(d -> new WorkImportResult.Derived(d.metric(), d.value(), d.items(), d.basis(), provenance))
                        .toList(),
                metrics.leftOut());
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required: a date as YYYY-MM-DD");
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() < 2000) {
                throw new DateTimeParseException("before 2000", text, 0);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date as YYYY-MM-DD, such as 2026-11-01");
        }
    }

    private static Set<String> lower(List<String> names) {
        Set<String> lower = new HashSet<>();
        if (names != null) {
            names.forEach(name -> lower.add(name.strip().toLowerCase(Locale.ROOT)));
        }
        return lower;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
