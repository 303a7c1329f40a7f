package org.podloop.worksignal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each work metric on small hand-computed fixtures over the week [Mon 2 Nov, Mon 9 Nov 2026), with the
 * boundary cases: time before and after the period clipped, reopened items, reassignment and unassigned
 * time while in progress, items done before the period, odd and even medians, too few items, unknown
 * statuses and the delivery gap.
 */
class WorkMetricsTest {

    private static final Instant FROM = at("2026-11-02T00:00");
    private static final Instant TO = at("2026-11-09T00:00");
    private static final StatusMapping MAPPING = StatusMapping.defaults();

    // 6 h: waiting since before the period, clipped at its start
    private static final WorkItem WAITING_ACROSS_THE_START =
            item("A-1", "2026-11-01T00:00", "In Progress", "2026-11-01T12:00 In Review", "2026-11-02T06:00 Done");
    // 12 h: still blocked after the period, clipped at its end
    private static final WorkItem WAITING_ACROSS_THE_END =
            item("A-2", "2026-11-08T00:00", "In Progress", "2026-11-08T12:00 Blocked");
    // 3 h waiting for the customer (prefix "Waiting") + 2 h in review = 5 h
    private static final WorkItem WAITING_TWICE = item(
            "A-3",
            "2026-11-03T00:00",
            "In Progress",
            "2026-11-03T10:00 Waiting for Customer",
            "2026-11-03T13:00 In Progress",
            "2026-11-04T00:00 In Review",
            "2026-11-04T02:00 Done");
    private static final WorkItem DONE_BEFORE_THE_PERIOD =
            item("A-4", "2026-10-20T00:00", "In Progress", "2026-10-21T00:00 In Review", "2026-10-22T00:00 Done");
    private static final WorkItem UNTOUCHED_IN_THE_BACKLOG = item("A-5", "2026-10-01T00:00", "Backlog");
    private static final WorkItem NEVER_WAITING = item("A-6", "2026-11-05T00:00", "In Progress");

    @Test
    void handoffDelayIsTheMedianOfAnOddNumberOfActiveItemsClippedToThePeriod() {
        WorkMetrics metrics = metrics(
                1,
                WAITING_ACROSS_THE_START,
                WAITING_ACROSS_THE_END,
                WAITING_TWICE,
                DONE_BEFORE_THE_PERIOD,
                UNTOUCHED_IN_THE_BACKLOG);

        assertThat(metrics.find(WorkMetrics.HANDOFF_DELAY))
                .contains(new DerivedMetric(
                        "handoff_delay_hours",
                        6.0,
                        3,
                        "median of 3 items active in the period, hours in waiting statuses within it"));
    }

    @Test
    void handoffDelayOfAnEvenNumberIsTheMeanOfTheTwoMiddleValues() {
        // 0, 5, 6, 12 -> (5 + 6) / 2
        WorkMetrics metrics = metrics(
                1,
                WAITING_ACROSS_THE_START,
                WAITING_ACROSS_THE_END,
                WAITING_TWICE,
                NEVER_WAITING,
                DONE_BEFORE_THE_PERIOD);

        assertThat(metrics.find(WorkMetrics.HANDOFF_DELAY).orElseThrow().value())
                .isEqualTo(5.5);
        assertThat(metrics.find(WorkMetrics.HANDOFF_DELAY).orElseThrow().items())
                .isEqualTo(4);
    }

    @Test
    void ownershipClarityCountsItemsWithOnePersonForAllTheirInProgressTimeInThePeriod() {
        WorkItem oneOwner = item("O-1", "2026-11-03T00:00", "In Progress", "2026-11-05T00:00 Done");
        WorkItem reassignedWhileInProgress = assigned(
                item("O-2", "2026-11-03T00:00", "In Progress", "2026-11-05T00:00 Done"),
                true,
                new AssigneeChange(at("2026-11-04T00:00"), true, true, true));
        WorkItem unassignedAtFirst = assigned(
                item("O-3", "2026-11-03T00:00", "In Progress", "2026-11-05T00:00 Done"),
                false,
                new AssigneeChange(at("2026-11-03T12:00"), false, true, true));
        WorkItem reassignedBeforeWorkStarted = assigned(
                item("O-4", "2026-11-02T00:00", "To Do", "2026-11-04T00:00 In Progress", "2026-11-06T00:00 Done"),
                true,
                new AssigneeChange(at("2026-11-03T00:00"), true, true, true));
        // the other person had it in progress before the period only
        WorkItem reassignedBeforeThePeriod = assigned(
                item("O-5", "2026-10-30T00:00", "In Progress", "2026-11-03T00:00 Done"),
                true,
                new AssigneeChange(at("2026-10-31T00:00"), true, true, true));
        // unassigned while in review, the same person back before work resumed
        WorkItem sameOwnerBackAfterAGap = assigned(
                item(
                        "O-6",
                        "2026-11-02T00:00",
                        "In Progress",
                        "2026-11-03T00:00 In Review",
                        "2026-11-04T00:00 In Progress",
                        "2026-11-05T00:00 Done"),
                true,
                new AssigneeChange(at("2026-11-03T06:00"), true, false, false),
                new AssigneeChange(at("2026-11-03T08:00"), false, true, false));
        WorkItem neverInProgress = assigned(
                item("O-7", "2026-11-02T00:00", "To Do"),
                false,
                new AssigneeChange(at("2026-11-03T00:00"), false, true, true));

        WorkMetrics metrics = metrics(
                1,
                oneOwner,
                reassignedWhileInProgress,
                unassignedAtFirst,
                reassignedBeforeWorkStarted,
                reassignedBeforeThePeriod,
                sameOwnerBackAfterAGap,
                neverInProgress);

        assertThat(metrics.find(WorkMetrics.OWNERSHIP_CLARITY))
                .contains(new DerivedMetric(
                        "ownership_clarity",
                        66.7,
                        6,
                        "4 of 6 items in progress in the period had one assignee throughout"));
    }

    @Test
    void unassignedInProgressTimeInsideThePeriodIsUnclearEvenWhenSomeoneTookItLater() {
        WorkItem unassignedThenTaken = assigned(
                item("O-8", "2026-11-02T00:00", "In Progress"),
                false,
                new AssigneeChange(at("2026-11-02T01:00"), false, true, true));
        WorkItem unassignedOnlyBeforeThePeriod = assigned(
                item("O-9", "2026-10-30T00:00", "In Progress"),
                false,
                new AssigneeChange(at("2026-10-31T00:00"), false, true, true));

        WorkMetrics metrics = metrics(1, unassignedThenTaken, unassignedOnlyBeforeThePeriod);

        assertThat(metrics.find(WorkMetrics.OWNERSHIP_CLARITY).orElseThrow().value())
                .isEqualTo(50.0);
    }

    private static final SprintSpan SINCE_BEFORE_THE_START = new SprintSpan("Sprint 7", at("2026-10-30T00:00"), null);

    private static List<WorkItem> sprint() {
        return List.of(
                inSprint(item("C-1", "2026-10-29T00:00", "To Do", "2026-11-05T00:00 Done"), SINCE_BEFORE_THE_START),
                inSprint(
                        item("C-2", "2026-10-29T00:00", "To Do", "2026-11-05T00:00 In Progress"),
                        SINCE_BEFORE_THE_START),
                // added after the start: not committed
                inSprint(
                        item("C-3", "2026-10-29T00:00", "To Do", "2026-11-05T00:00 Done"),
                        new SprintSpan("Sprint 7", at("2026-11-03T00:00"), null)),
                // removed before the start: not committed
                inSprint(
                        item("C-4", "2026-10-20T00:00", "To Do", "2026-11-05T00:00 Done"),
                        new SprintSpan("Sprint 7", at("2026-10-25T00:00"), at("2026-10-31T00:00"))),
                // added right at the start: committed; done right at the end: not done at the end
                inSprint(
                        item("C-5", "2026-10-29T00:00", "To Do", "2026-11-09T00:00 Done"),
                        new SprintSpan("Sprint 7", FROM, null)),
                // another sprint
                inSprint(
                        item("C-6", "2026-10-29T00:00", "To Do", "2026-11-05T00:00 Done"),
                        new SprintSpan("Sprint 6", at("2026-10-25T00:00"), null)),
                // done, then reopened before the end
                inSprint(
                        item(
                                "C-7",
                                "2026-10-29T00:00",
                                "In Progress",
                                "2026-11-04T00:00 Done",
                                "2026-11-06T00:00 In Progress"),
                        SINCE_BEFORE_THE_START),
                inSprint(
                        item("C-8", "2026-10-29T00:00", "In Progress", "2026-11-08T23:00 Closed"),
                        SINCE_BEFORE_THE_START));
    }

    @Test
    void commitmentReliabilityIsTheShareOfItemsInTheSprintAtItsStartThatWereDoneAtItsEnd() {
        WorkMetrics metrics = WorkMetrics.compute(sprint(), MAPPING, FROM, TO, "Sprint 7", 70, 1);

        assertThat(metrics.find(WorkMetrics.COMMITMENT_RELIABILITY))
                .contains(new DerivedMetric(
                        "commitment_reliability",
                        40.0,
                        5,
                        "2 of 5 items in sprint Sprint 7 at its start were done at its end"));
        assertThat(metrics.find(WorkMetrics.DELIVERY_GAP))
                .contains(new DerivedMetric(
                        "delivery_gap", 30.0, 5, "reported 70% done minus 40% of 5 committed items done"));
    }

    @Test
    void theGapIsTakenFromTheUnroundedReliabilityAndMayBeNegative() {
        List<WorkItem> threeCommitted = sprint().stream()
                .filter(item -> Set.of("C-1", "C-2", "C-8").contains(item.key()))
                .toList();

        WorkMetrics over = WorkMetrics.compute(threeCommitted, MAPPING, FROM, TO, "Sprint 7", 80, 1);
        WorkMetrics under = WorkMetrics.compute(threeCommitted, MAPPING, FROM, TO, "Sprint 7", 50, 1);

        assertThat(over.find(WorkMetrics.COMMITMENT_RELIABILITY).orElseThrow().value())
                .isEqualTo(66.7);
        assertThat(over.find(WorkMetrics.DELIVERY_GAP).orElseThrow().value()).isEqualTo(13.3);
        assertThat(under.find(WorkMetrics.DELIVERY_GAP).orElseThrow().value()).isEqualTo(-16.7);
    }

    @Test
    void withoutASprintThereIsNoCommitmentAndNoGap() {
        WorkMetrics metrics = WorkMetrics.compute(sprint(), MAPPING, FROM, TO, null, 70, 1);

        assertThat(metrics.find(WorkMetrics.COMMITMENT_RELIABILITY)).isEmpty();
        assertThat(metrics.find(WorkMetrics.DELIVERY_GAP)).isEmpty();
        assertThat(metrics.leftOut())
                .contains(
                        new LeftOut("commitment_reliability", "no sprint was given"),
                        new LeftOut(
                                "delivery_gap", "there is no commitment reliability to compare the reported 70% with"));
    }

    @Test
    void withoutAReportedPercentageThereIsNoGap() {
        WorkMetrics metrics = WorkMetrics.compute(sprint(), MAPPING, FROM, TO, "Sprint 7", null, 1);

        assertThat(metrics.find(WorkMetrics.COMMITMENT_RELIABILITY)).isPresent();
        assertThat(metrics.find(WorkMetrics.DELIVERY_GAP)).isEmpty();
        assertThat(metrics.leftOut()).contains(new LeftOut("delivery_gap", "no reported done percentage was given"));
    }

    @Test
    void tooFewCommittedItemsLeaveOutBothTheReliabilityAndTheGap() {
        WorkMetrics metrics = WorkMetrics.compute(sprint(), MAPPING, FROM, TO, "Sprint 7", 70, 6);

        assertThat(metrics.find(WorkMetrics.COMMITMENT_RELIABILITY)).isEmpty();
        assertThat(metrics.find(WorkMetrics.DELIVERY_GAP)).isEmpty();
        assertThat(metrics.leftOut())
                .contains(
                        new LeftOut(
                                "commitment_reliability",
                                "5 items in sprint Sprint 7 at its start, fewer than the 6 needed"),
                        new LeftOut(
                                "delivery_gap", "there is no commitment reliability to compare the reported 70% with"));
    }

    @Test
    void reworkRateIsTheShareOfItemsDoneInThePeriodThatWereReopenedInIt() {
        WorkMetrics metrics = metrics(
                1,
                item("R-1", "2026-11-02T00:00", "In Progress", "2026-11-03T00:00 Done"),
                item(
                        "R-2",
                        "2026-11-02T00:00",
                        "In Progress",
                        "2026-11-03T00:00 Done",
                        "2026-11-04T00:00 In Progress",
                        "2026-11-06T00:00 Resolved"),
                // done before the period and left alone: not counted
                item("R-3", "2026-10-20T00:00", "In Progress", "2026-10-25T00:00 Done"),
                // done before, reopened and done again within the period
                item(
                        "R-4",
                        "2026-10-20T00:00",
                        "In Progress",
                        "2026-10-25T00:00 Done",
                        "2026-11-03T00:00 In Progress",
                        "2026-11-05T00:00 Done"),
                // reopened only after the period
                item("R-5", "2026-11-02T00:00", "In Progress", "2026-11-08T00:00 Done", "2026-11-10T00:00 In Progress"),
                // reopened in the period but not done again: not done in it
                item(
                        "R-6",
                        "2026-10-20T00:00",
                        "In Progress",
                        "2026-11-01T00:00 Done",
                        "2026-11-04T00:00 In Progress"));

        assertThat(metrics.find(WorkMetrics.REWORK_RATE))
                .contains(new DerivedMetric(
                        "rework_rate", 50.0, 4, "2 of 4 items done in the period were reopened within it"));
    }

    private static final List<WorkItem> DECISIONS = List.of(
            // 1.5 days
            item("D-1", "2026-11-03T00:00", "Decision Needed", "2026-11-04T12:00 In Progress"),
            // 5.5 days: begun before the period, two decision statuses in a row are one spell
            item(
                    "D-2",
                    "2026-10-28T00:00",
                    "Awaiting Decision",
                    "2026-10-30T00:00 Decision Needed",
                    "2026-11-02T12:00 In Progress"),
            // not ended within the period
            item("D-3", "2026-11-01T00:00", "To Do", "2026-11-07T00:00 Decision Needed"),
            // ended before the period
            item("D-4", "2026-10-20T00:00", "Decision Needed", "2026-10-25T00:00 In Progress"),
            // two spells: 0.5 and 2 days
            item(
                    "D-5",
                    "2026-11-05T00:00",
                    "Decision Needed",
                    "2026-11-05T12:00 In Progress",
                    "2026-11-06T00:00 Decision Needed",
                    "2026-11-08T00:00 Done"));

    @Test
    void decisionLatencyIsTheMedianOfTheSpellsThatEndedInThePeriod() {
        // 0.5, 1.5, 2, 5.5 -> 1.75, rounded to one decimal
        WorkMetrics metrics = WorkMetrics.compute(DECISIONS, MAPPING, FROM, TO, null, null, 1);

        assertThat(metrics.find(WorkMetrics.DECISION_LATENCY))
                .contains(new DerivedMetric(
                        "decision_latency_days",
                        1.8,
                        4,
                        "median of 4 decision spells that ended in the period, days each"));
    }

    @Test
    void decisionLatencyOfAnOddNumberOfSpellsIsTheMiddleOne() {
        // 0.5, 1.5, 2
        WorkMetrics metrics = WorkMetrics.compute(
                DECISIONS.stream().filter(item -> !item.key().equals("D-2")).toList(),
                MAPPING,
                FROM,
                TO,
                null,
                null,
                1);

        assertThat(metrics.find(WorkMetrics.DECISION_LATENCY).orElseThrow().value())
                .isEqualTo(1.5);
    }

    @Test
    void fewerDecisionSpellsThanNeededLeaveTheLatencyOut() {
        WorkMetrics metrics = WorkMetrics.compute(DECISIONS, MAPPING, FROM, TO, null, null, 5);

        assertThat(metrics.find(WorkMetrics.DECISION_LATENCY)).isEmpty();
        assertThat(metrics.leftOut())
                .contains(new LeftOut(
                        "decision_latency_days",
                        "4 decision spells that ended in the period, fewer than the 5 needed"));
    }

    @Test
    void metricsOnFewerItemsThanNeededAreLeftOutWithTheReasonAndNotDerived() {
        WorkMetrics metrics = metrics(
                5,
                item("F-1", "2026-11-02T00:00", "In Progress", "2026-11-03T00:00 In Review", "2026-11-04T00:00 Done"),
                item("F-2", "2026-11-02T00:00", "In Progress"),
                item("F-3", "2026-11-02T00:00", "To Do"));

        assertThat(metrics.derived()).isEmpty();
        assertThat(metrics.leftOut())
                .containsExactly(
                        new LeftOut("handoff_delay_hours", "2 items active in the period, fewer than the 5 needed"),
                        new LeftOut("ownership_clarity", "2 items in progress in the period, fewer than the 5 needed"),
                        new LeftOut("commitment_reliability", "no sprint was given"),
                        new LeftOut("delivery_gap", "no reported done percentage was given"),
                        new LeftOut("rework_rate", "1 item done in the period, fewer than the 5 needed"),
                        new LeftOut(
                                "decision_latency_days",
                                "0 decision spells that ended in the period, fewer than the 5 needed"));
    }

    @Test
    void noItemsAtAllLeaveEverythingOutEvenWithoutAMinimum() {
        WorkMetrics metrics = WorkMetrics.compute(List.of(), MAPPING, FROM, TO, "Sprint 7", 70, 0);

        assertThat(metrics.derived()).isEmpty();
        assertThat(metrics.leftOut())
                .extracting(LeftOut::metric)
                .containsExactly(
                        "handoff_delay_hours",
                        "ownership_clarity",
                        "commitment_reliability",
                        "delivery_gap",
                        "rework_rate",
                        "decision_latency_days");
        assertThat(metrics.leftOut().get(0).reason())
                .isEqualTo("0 items active in the period, fewer than the 1 needed");
    }

    @Test
    void statusesThatAreNeitherMappedNorKnownAreReported() {
        WorkMetrics metrics = metrics(
                1,
                item("U-1", "2026-11-02T00:00", "Backlog", "2026-11-03T00:00 QA Testing", "2026-11-04T00:00 DONE"),
                item("U-2", "2026-11-02T00:00", "selected for development", "2026-11-03T00:00 Reopened"),
                item("U-3", "2026-11-02T00:00", "Shipped"));

        assertThat(metrics.unknownStatuses()).containsExactly("QA Testing", "Reopened", "Shipped");
        assertThat(metrics(1, item("U-3", "2026-11-02T00:00", "Shipped")).unknownStatuses())
                .containsExactly("Shipped");
        assertThat(WorkMetrics.compute(
                                List.of(item("U-3", "2026-11-02T00:00", "Shipped")),
                                MAPPING.withDone(Set.of("Shipped")),
                                FROM,
                                TO,
                                null,
                                null,
                                1)
                        .unknownStatuses())
                .isEmpty();
    }

    @Test
    void theMappingIgnoresCaseUsesPrefixesAndTheDoneCategory() {
        assertThat(MAPPING.kindOf("in progress", "indeterminate")).isEqualTo(StatusKind.IN_PROGRESS);
        assertThat(MAPPING.kindOf("IN REVIEW", null)).isEqualTo(StatusKind.WAITING);
        assertThat(MAPPING.kindOf("waiting on vendor", null)).isEqualTo(StatusKind.WAITING);
        assertThat(MAPPING.kindOf("Awaiting decision", null)).isEqualTo(StatusKind.DECISION);
        assertThat(MAPPING.kindOf("closed", null)).isEqualTo(StatusKind.DONE);
        assertThat(MAPPING.kindOf("Shipped", "done")).isEqualTo(StatusKind.DONE);
        assertThat(MAPPING.kindOf("Shipped", "indeterminate")).isEqualTo(StatusKind.OTHER);
        assertThat(MAPPING.kindOf("To Do", "new")).isEqualTo(StatusKind.OTHER);
        assertThat(MAPPING.knows("to do", "new")).isTrue();
        assertThat(MAPPING.knows("Shipped", "done")).isTrue();
        assertThat(MAPPING.knows("QA Testing", "indeterminate")).isFalse();
    }

    @Test
    void aPeriodMustStartBeforeItEnds() {
        assertThatThrownBy(() -> WorkMetrics.compute(List.of(), MAPPING, TO, FROM, null, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static WorkMetrics metrics(int minItems, WorkItem... items) {
        return WorkMetrics.compute(List.of(items), MAPPING, FROM, TO, null, null, minItems);
    }

    private static Instant at(String utcMinute) {
        return Instant.parse(utcMinute + ":00Z");
    }

    /** An item assigned from its creation on, with status changes written as "2026-11-03T10:00 In Review". */
    private static WorkItem item(String key, String created, String status, String... changes) {
        List<StatusChange> statuses = new ArrayList<>();
        String from = status;
        for (String change : changes) {
            int space = change.indexOf(' ');
            String to = change.substring(space + 1);
            statuses.add(new StatusChange(at(change.substring(0, space)), from, to));
            from = to;
        }
        return new WorkItem(key, at(created), status, null, statuses, List.of(), true, List.of());
    }

    private static WorkItem assigned(WorkItem item, boolean atCreation, AssigneeChange... changes) {
        return new WorkItem(
                item.key(),
                item.created(),
                item.createdStatus(),
                item.resolved(),
                item.statuses(),
                List.of(changes),
                atCreation,
                item.sprints());
    }

    private static WorkItem inSprint(WorkItem item, SprintSpan... spans) {
        return new WorkItem(
                item.key(),
                item.created(),
                item.createdStatus(),
                item.resolved(),
                item.statuses(),
                item.assignees(),
                item.assignedAtCreation(),
                List.of(spans));
    }
}
