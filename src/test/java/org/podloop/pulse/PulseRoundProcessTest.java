package org.podloop.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.podloop.signal.MetricValue;
import org.podloop.signal.NewSnapshot;
import org.podloop.signal.NewTeam;
import org.podloop.signal.SnapshotView;

/** processes/PulseRoundProcess.bpmn: one test per path. */
class PulseRoundProcessTest extends PulseScenario {

    private static final String SAFETY = "psychological_safety";

    @Test
    void closesAsSoonAsEveryInvitedMemberHasAnswered() {
        podOf(3);
        UUID round = open(List.of(SAFETY)).id();
        var instance = roundInstance(round);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AwaitAnswers");

        answerAs(members.get(0), round, Map.of(SAFETY, SAFE));
        answerAs(members.get(1), round, Map.of(SAFETY, SAFE));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AwaitAnswers");
        answerAs(members.get(2), round, Map.of(SAFETY, UNSAFE));

        // the last answer only completes the wait; the closing is a job of its own
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ClosePulseRound");
        assertThat(pulses.status(round).state()).isEqualTo("OPEN");
        runJobs(round);

        BpmnAwareTests.assertThat(instance)
                .isEnded()
                .hasPassedInOrder("Task_AwaitAnswers", "Task_ClosePulseRound", "EndEvent_PulseRoundClosed")
                .hasNotPassed("Event_PulseDeadline", "Task_RemindMembers");
        PulseRoundView closed = pulses.status(round);
        assertThat(closed.state()).isEqualTo("CLOSED");
        assertThat(closed.progress()).isEqualTo("3 of 3 answered");
        SnapshotView snapshot = snapshotOf(round);
        assertThat(snapshot.externalId()).isEqualTo("pulse-" + round);
        assertThat(snapshot.respondents()).isEqualTo(3);
        assertThat(closed.aggregates()).isEqualTo(snapshot.metrics());
        // scored exactly as the same answers posted as raw surveys
        assertThat(snapshot.metrics().get(SAFETY))
                .isEqualTo(rawSurveyScore(List.of(SAFE, SAFE, UNSAFE)))
                // three respondents: the mean, never the spread (it would give the other two's scores away)
                .isEqualTo(MetricValue.measured(74.6, null, 3));
        // the process knew the round and its deadline, nothing else
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .list())
                .extracting(v -> v.getName())
                .containsExactlyInAnyOrder(PulseEngine.VAR_ROUND_ID, PulseEngine.VAR_CLOSES_AT);
    }

    @Test
    void closesWhenTheDeadlinePassesWithTheAnswersItHas() {
        podOf(4);
        UUID round = pulses.open(pulseTeam, List.of(SAFETY), soon(), "paula").id();
        members.subList(0, 3).forEach(member -> answerAs(member, round, Map.of(SAFETY, SAFE)));
        var instance = roundInstance(round);

        timePasses(Duration.ofMinutes(59));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AwaitAnswers");
        timePasses(Duration.ofMinutes(2));
        runJobs(round);

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Event_PulseDeadline", "Task_ClosePulseRound");
        SnapshotView snapshot = snapshotOf(round);
        assertThat(snapshot.respondents()).isEqualTo(3);
        assertThat(snapshot.metrics().get(SAFETY)).isEqualTo(MetricValue.measured(100.0, null, 3));
        assertThat(pulses.status(round).progress()).isEqualTo("3 of 4 answered");
    }

    @Test
    void remindsOnceADayBeforeTheDeadline() {
        podOf(3);
        UUID round = open(null).id();
        var instance = roundInstance(round);
        String reminder = "Task_RemindMembers";

        timePasses(Duration.ofDays(4).minusMinutes(1));
        BpmnAwareTests.assertThat(instance).hasNotPassed(reminder);
        assertThat(pulses.status(round).remindedAt()).isNull();
        timePasses(Duration.ofMinutes(2));

        BpmnAwareTests.assertThat(instance).hasPassed(reminder).isWaitingAt("Task_AwaitAnswers");
        assertThat(pulses.status(round).remindedAt()).isNotNull();
        timePasses(Duration.ofHours(23));
        assertThat(timesPassed(instance.getId(), reminder)).isEqualTo(1);

        timePasses(Duration.ofHours(2));
        runJobs(round);
        BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(timesPassed(instance.getId(), reminder)).isEqualTo(1);
        // nobody answered: closed without a snapshot
        assertThat(pulses.status(round).state()).isEqualTo("CLOSED");
        assertThat(pulses.status(round).snapshotId()).isNull();
    }

    @Test
    void aMetricWithTooFewAnswersIsStoredSuppressed() {
        podOf(5);
        UUID round = pulses.open(pulseTeam, List.of(SAFETY, "engagement"), soon(), "paula")
                .id();
        List<Double> engaged = List.of(6.0, 6.0, 5.0, 2.0);
        answerAs(members.get(0), round, Map.of(SAFETY, SAFE, "engagement", engaged));
        answerAs(members.get(1), round, Map.of(SAFETY, UNSAFE, "engagement", engaged));
        answerAs(members.get(2), round, Map.of("engagement", engaged));

        timePasses(Duration.ofHours(2));
        runJobs(round);

        SnapshotView snapshot = snapshotOf(round);
        assertThat(snapshot.respondents()).isEqualTo(3);
        assertThat(snapshot.metrics().get(SAFETY)).isEqualTo(MetricValue.suppressedValue());
        assertThat(snapshot.metrics().get("engagement").respondents()).isEqualTo(3);
        assertThat(snapshot.signals()).containsOnlyKeys("engagement");
    }

    private long timesPassed(String instance, String activity) {
        return engine.getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .activityId(activity)
                .count();
    }

    private MetricValue rawSurveyScore(List<List<Double>> answerSets) {
        String other = "r" + UUID.randomUUID().toString().substring(0, 8);
        signals.createTeam(new NewTeam(other, "Raw " + other, List.of()));
        var result = intake.receive(
                other, new NewSnapshot("raw", Instant.now(), answerSets.size(), null, Map.of(SAFETY, answerSets)));
        return signals.snapshot(result.snapshotId()).metrics().get(SAFETY);
    }
}
