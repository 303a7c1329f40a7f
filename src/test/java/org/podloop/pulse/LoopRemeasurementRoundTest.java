package org.podloop.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.podloop.loop.LoopView;
import org.podloop.loop.ProcessIds;
import org.podloop.loop.TimelineType;
import org.podloop.signal.NewTeam;

/**
 * processes/LoopIterationProcess.bpmn, the paths where the loop re-measures on its own: the end of the
 * intervention opens the team's pulse round, and the closed round's snapshot is the re-measurement.
 */
class LoopRemeasurementRoundTest extends PulseScenario {

    private static final String SAFETY = "psychological_safety";

    @Test
    void completingTheRunOpensARoundWhoseSnapshotIsTheIterationsReMeasurement() {
        podOf(5);
        team = pulseTeam;
        openLoop(38);

        ProcessInstance iteration = chooseAndRun("speak-up-round");

        BpmnAwareTests.assertThat(iteration)
                .hasPassedInOrder(ProcessIds.TASK_RUN_INTERVENTION, "Task_OpenRemeasurementRound")
                .isWaitingAt(ProcessIds.TASK_AWAIT_REMEASUREMENT);
        UUID round = requestedRound();
        assertThat(pulses.status(round).metrics()).contains(SAFETY, "engagement", "alignment", "wellbeing");
        assertThat(requested().path("when").asText()).isEqualTo("RUN_COMPLETED");
        assertThat(requested().path("alreadyOpen").asBoolean()).isFalse();
        members.forEach(member -> assertThat(mineAs(member)).containsExactly(round));

        members.forEach(member -> answerAs(member, round, Map.of(SAFETY, SAFE)));
        runJobs(round);

        UUID snapshot = pulses.status(round).snapshotId();
        assertThat(snapshot).isNotNull();
        assertThat(loop().iterations().get(0).remeasureSnapshotId()).isEqualTo(snapshot);
        BpmnAwareTests.assertThat(iteration)
                .hasPassed("Task_VerifyOutcome")
                .isWaitingAt(ProcessIds.TASK_DECIDE)
                .variables()
                .containsEntry(ProcessIds.VAR_VERIFICATION_OUTCOME, "REDUCED");
    }

    @Test
    void whenTheTimeBoxPassesTheRoundOpensAndCompletingTheRunLaterUsesTheSameRound() {
        podOf(5);
        team = pulseTeam;
        openLoop(38);
        ProcessInstance iteration = choose("speak-up-round");

        timePasses(Duration.ofDays(14).plusMinutes(1));

        BpmnAwareTests.assertThat(iteration)
                .hasPassed("Task_OpenRemeasurementRoundAtTimeBoxEnd")
                .isWaitingAt(ProcessIds.TASK_RUN_INTERVENTION);
        UUID round = requestedRound();
        assertThat(requested().path("when").asText()).isEqualTo("TIME_BOX_PASSED");

        complete(
                task(ProcessIds.TASK_RUN_INTERVENTION, iteration), withVariables(ProcessIds.VAR_OUTCOME_NOTES, "done"));

        List<LoopView.Step> requests = loop().timeline().stream()
                .filter(step -> step.type() == TimelineType.REMEASUREMENT_REQUESTED)
                .toList();
        assertThat(requests).hasSize(2);
        JsonNode second = requests.get(1).detail();
        assertThat(second.path("when").asText()).isEqualTo("RUN_COMPLETED");
        assertThat(second.path("pulseRoundId").asText()).isEqualTo(round.toString());
        assertThat(second.path("alreadyOpen").asBoolean()).isTrue();
        BpmnAwareTests.assertThat(iteration).isWaitingAt(ProcessIds.TASK_AWAIT_REMEASUREMENT);
    }

    @Test
    void aTeamWithoutPodMembersGetsNoRoundAndAPostedSnapshotStillReMeasures() {
        team = "e" + UUID.randomUUID().toString().substring(0, 8);
        signals.createTeam(new NewTeam(team, "No pod " + team, List.of()));
        openLoop(38);

        ProcessInstance iteration = chooseAndRun("speak-up-round");

        assertThat(requested().path("unavailable").asText()).isEqualTo("team '" + team + "' has no pod members to ask");
        assertThat(requested().has("pulseRoundId")).isFalse();
        BpmnAwareTests.assertThat(iteration).isWaitingAt(ProcessIds.TASK_AWAIT_REMEASUREMENT);
        measure(60);
        BpmnAwareTests.assertThat(iteration).isWaitingAt(ProcessIds.TASK_DECIDE);
    }

    private JsonNode requested() {
        return loop().timeline().stream()
                .filter(step -> step.type() == TimelineType.REMEASUREMENT_REQUESTED)
                .findFirst()
                .orElseThrow()
                .detail();
    }

    private UUID requestedRound() {
        return UUID.fromString(requested().path("pulseRoundId").asText());
    }

    private List<UUID> mineAs(String user) {
        var identity = engine.getIdentityService();
        identity.setAuthentication(user, List.copyOf(directory.groupsOf(user)));
        try {
            return pulses.mine().stream().map(MyPulseRound::id).toList();
        } finally {
            identity.clearAuthentication();
        }
    }
}
