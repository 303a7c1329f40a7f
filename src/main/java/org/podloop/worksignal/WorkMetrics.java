package org.podloop.worksignal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Team-level execution metrics over a period [from, to), computed in memory from work items whose status
 * and assignment over time are rebuilt from their changelogs. It owns the definitions (see each
 * {@code METRIC} constant), the clipping to the period, the medians and the minimum number of items below
 * which a metric is left out with a plain reason instead of being reported on too little.
 *
 * <p>Statuses are mapped by name alone, as work items carry no status categories; to count the statuses
 * Jira puts in its done category as done, pass {@code mapping.withDone(JiraExport.doneCategoryStatuses(body))}.
 * "Active in the period" means some time within it in progress, waiting or awaiting a decision, so that a
 * backlog nobody touches does not pull the handoff delay towards zero.
 */
record WorkMetrics(List<DerivedMetric> derived, List<LeftOut> leftOut, Set<String> unknownStatuses) {

    /** Median over items active in the period of the hours each spent in waiting statuses within it. */
    static final String HANDOFF_DELAY = "handoff_delay_hours";
    /** % of items in progress in the period with one assignee for all their in-progress time within it. */
    static final String OWNERSHIP_CLARITY = "ownership_clarity";
    /** % of the items in the sprint at its start (from) that were done at its end (to). */
    static final String COMMITMENT_RELIABILITY = "commitment_reliability";
    /** % of the items that entered done in the period that also left done (were reopened) in it. */
    static final String REWORK_RATE = "rework_rate";
    /** Median days from entering a decision status to leaving it, for spells that ended in the period. */
    static final String DECISION_LATENCY = "decision_latency_days";
    /** The reported done percentage minus the commitment reliability, in points. */
    static final String DELIVERY_GAP = "delivery_gap";

    private static final double HOUR = 3_600_000.0;
    private static final double DAY = 24 * HOUR;

    WorkMetrics {
        derived = List.copyOf(derived);
        leftOut = List.copyOf(leftOut);
        unknownStatuses = Collections.unmodifiableSet(new TreeSet<>(unknownStatuses));
    }

    /** The derived metric of this name, if it was derived. */
    Optional<DerivedMetric> find(String metric) {
        return derived.stream().filter(d -> d.metric().equals(metric)).findFirst();
    }

    static WorkMetrics compute(
            List<WorkItem> items,
            StatusMapping mapping,
            Instant from,
            Instant to,
            String sprint,
            Integer reportedDonePercent,
            int minItems) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(mapping, "mapping");
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("the period needs a start before its end");
        }
        Period period = new Period(from, to);
        int needed = Math.max(minItems, 1);
        List<DerivedMetric> derived = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        List<Timeline> timelines =
                items.stream().map(item -> Timeline.of(item, mapping)).toList();

        // handoff delay
        List<Double> waitingHours = new ArrayList<>();
        for (Timeline timeline : timelines) {
            if (timeline.activeIn(period)) {
                waitingHours.add(timeline.millisIn(StatusKind.WAITING, period) / HOUR);
            }
        }
        median(HANDOFF_DELAY, waitingHours, "items active in the period", "hours in waiting statuses within it", needed)
                .ifPresentOrElse(
                        derived::add,
                        leftOutAs(leftOut, HANDOFF_DELAY, waitingHours.size(), "items active in the period", needed));

        // ownership clarity
        int inProgress = 0;
        int clear = 0;
        for (Timeline timeline : timelines) {
            if (timeline.millisIn(StatusKind.IN_PROGRESS, period) > 0) {
                inProgress++;
                if (timeline.oneOwnerWhileInProgress(period)) {
                    clear++;
                }
            }
        }
        share(
                        OWNERSHIP_CLARITY,
                        clear,
                        inProgress,
                        "items in progress in the period",
                        "had one assignee throughout",
                        needed)
                .ifPresentOrElse(
                        derived::add,
                        leftOutAs(leftOut, OWNERSHIP_CLARITY, inProgress, "items in progress in the period", needed));

        // commitment reliability and delivery gap
        Double reliability = null;
        int committed = 0;
        if (sprint == null || sprint.isBlank()) {
            leftOut.add(new LeftOut(COMMITMENT_RELIABILITY, "no sprint was given"));
        } else {
            String name = sprint.strip();
            int doneAtEnd = 0;
            for (Timeline timeline : timelines) {
                if (timeline.item().sprints().stream()
                        .anyMatch(span -> span.sprint().equals(name) && span.containsAt(from))) {
                    committed++;
                    if (timeline.kindBefore(to) == StatusKind.DONE) {
                        doneAtEnd++;
                    }
                }
            }
            String what = "items in sprint " + name + " at its start";
            Optional<DerivedMetric> metric =
                    share(COMMITMENT_RELIABILITY, doneAtEnd, committed, what, "were done at its end", needed);
            if (metric.isPresent()) {
                derived.add(metric.get());
                reliability = 100.0 * doneAtEnd / committed;
            } else {
                leftOut.add(tooFew(COMMITMENT_RELIABILITY, committed, what, needed));
            }
        }
        if (reportedDonePercent == null) {
            leftOut.add(new LeftOut(DELIVERY_GAP, "no reported done percentage was given"));
        } else if (reliability == null) {
            leftOut.add(new LeftOut(
                    DELIVERY_GAP,
                    "there is no commitment reliability to compare the reported " + reportedDonePercent + "% with"));
        } else {
            derived.add(new DerivedMetric(
                    DELIVERY_GAP,
                    round(reportedDonePercent - reliability),
                    committed,
                    "reported " + reportedDonePercent + "% done minus " + plain(reliability) + "% of " + committed
                            + " committed items done"));
        }

        // rework rate
        int doneInPeriod = 0;
        int reopened = 0;
        for (Timeline timeline : timelines) {
            if (timeline.enteredDoneIn(period)) {
                doneInPeriod++;
                if (timeline.leftDoneIn(period)) {
                    reopened++;
                }
            }
        }
        share(REWORK_RATE, reopened, doneInPeriod, "items done in the period", "were reopened within it", needed)
                .ifPresentOrElse(
                        derived::add,
                        leftOutAs(leftOut, REWORK_RATE, doneInPeriod, "items done in the period", needed));

        // decision latency
        List<Double> decisionDays = new ArrayList<>();
        for (Timeline timeline : timelines) {
            for (long millis : timeline.decisionSpellsEndedIn(period)) {
                decisionDays.add(millis / DAY);
            }
        }
        String spells = "decision spells that ended in the period";
        median(DECISION_LATENCY, decisionDays, spells, "days each", needed)
                .ifPresentOrElse(
                        derived::add, leftOutAs(leftOut, DECISION_LATENCY, decisionDays.size(), spells, needed));

        Set<String> unknown = new TreeSet<>();
        for (WorkItem item : items) {
            Set<String> seen = new HashSet<>();
            seen.add(item.createdStatus());
            item.statuses().forEach(change -> {
                seen.add(change.to());
                if (change.from() != null) {
                    seen.add(change.from());
                }
            });
            seen.stream().filter(status -> !mapping.knows(status, null)).forEach(unknown::add);
        }
        return new WorkMetrics(derived, leftOut, unknown);
    }

    private static Optional<DerivedMetric> median(
            String metric, List<Double> values, String what, String of, int needed) {
        if (values.size() < needed) {
            return Optional.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Optional.of(new DerivedMetric(metric, round(median), n, "median of " + n + " " + what + ", " + of));
    }

    private static Optional<DerivedMetric> share(
            String metric, int count, int of, String what, String which, int needed) {
        if (of < needed) {
            return Optional.empty();
        }
        return Optional.of(new DerivedMetric(
                metric, round(100.0 * count / of), of, count + " of " + of + " " + what + " " + which));
    }

    private static Runnable leftOutAs(List<LeftOut> leftOut, String metric, int count, String what, int needed) {
        return () -> leftOut.add(tooFew(metric, count, what, needed));
    }

    private static LeftOut tooFew(String metric, int count, String what, int needed) {
        String counted = count == 1
                ? "1 " + what.replaceFirst("^items ", "item ").replaceFirst("^decision spells ", "decision spell ")
                : count + " " + what;
        return new LeftOut(metric, counted + ", fewer than the " + needed + " needed");
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(round(value)).stripTrailingZeros().toPlainString();
    }

    /** The period [from, to). */
    record Period(Instant from, Instant to) {

        /** Milliseconds of [start, end) inside the period; {@code end} null: still open. */
        long overlap(Instant start, Instant end) {
            Instant a = start.isAfter(from) ? start : from;
            Instant b = end == null || end.isAfter(to) ? to : end;
            return a.isBefore(b) ? b.toEpochMilli() - a.toEpochMilli() : 0;
        }

        boolean contains(Instant instant) {
            return !instant.isBefore(from) && instant.isBefore(to);
        }
    }
}
