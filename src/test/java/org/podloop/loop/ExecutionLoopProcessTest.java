package org.podloop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.podloop.classification.VerificationOutcome;
import org.podloop.support.LoopScenario;

/** processes/ExecutionLoopProcess.bpmn: one test per path out of Gateway_IterationOutcome. */
class ExecutionLoopProcessTest extends LoopScenario {

    @Test
    void governanceClosingTheLoopEndsIt() {
        ProcessInstance iteration = firstIterationAwaitingDecision();
        ProcessInstance loopInstance = loopInstance();
        BpmnAwareTests.assertThat(loopInstance).isWaitingAt(ProcessIds.CALL_ACTIVITY_RUN_ITERATION);

        decide(iteration, Decision.CLOSE);

        BpmnAwareTests.assertThat(loopInstance).isEnded().hasPassed("Task_CloseLoop", "EndEvent_LoopClosed");
        assertThat(loop().status()).isEqualTo(LoopStatus.CLOSED);
    }

    @Test
    void notReducedStartsASecondIterationFromTheReMeasureWithoutTheTriedIntervention() {
        ProcessInstance loopInstance = openLoop(38);
        ProcessInstance first = chooseAndRun("speak-up-round");
        var remeasure = measure(41);

        ProcessInstance second = currentIteration();
        assertThat(second.getId()).isNotEqualTo(first.getId());
        BpmnAwareTests.assertThat(loopInstance)
                .hasPassed("Task_PrepareNextIteration")
                .isWaitingAt(ProcessIds.CALL_ACTIVITY_RUN_ITERATION);
        BpmnAwareTests.assertThat(second)
                .isWaitingAt(ProcessIds.TASK_CHOOSE_INTERVENTION)
                .variables()
                .containsEntry(ProcessIds.VAR_ITERATION, 2)
                .containsEntry(
                        ProcessIds.VAR_BASELINE_SNAPSHOT_ID,
                        remeasure.snapshotId().toString());
        assertThat((String) BpmnAwareTests.assertThat(second)
                        .variables()
                        .actual()
                        .get(ProcessIds.VAR_RECOMMENDATION_SUMMARY))
                .startsWith("1. Anonymous pre-mortem")
                .contains("[anonymous-pre-mortem]")
                .doesNotContain("speak-up-round");
        LoopView loop = loop();
        assertThat(loop.status()).isEqualTo(LoopStatus.OPEN);
        assertThat(loop.iterations()).extracting(LoopView.Iteration::number).containsExactly(1, 2);
        assertThat(loop.iterations().get(0).verification().outcome()).isEqualTo(VerificationOutcome.NOT_REDUCED);
    }

    @Test
    void anInterventionThatReducedThePatternInAnotherTeamIsRecommendedWithThatEvidence() {
        openLoop(38);
        ProcessInstance first = chooseAndRun("anonymous-pre-mortem");
        measure(60);
        decide(first, Decision.CLOSE);

        newTeam();
        openLoop(40);

        assertThat((String) BpmnAwareTests.assertThat(currentIteration())
                        .variables()
                        .actual()
                        .get(ProcessIds.VAR_RECOMMENDATION_SUMMARY))
                .containsPattern(
                        "Anonymous pre-mortem .*: Verifiably reduced suppressed feedback in \\d+ of \\d+ verified iterations in other teams\\. \\[anonymous-pre-mortem\\]");
    }

    @Test
    void governanceAskingToRepeatStartsAnotherIteration() {
        ProcessInstance first = firstIterationAwaitingDecision();
        ProcessInstance loopInstance = loopInstance();

        decide(first, Decision.REPEAT);

        BpmnAwareTests.assertThat(loopInstance).isWaitingAt(ProcessIds.CALL_ACTIVITY_RUN_ITERATION);
        BpmnAwareTests.assertThat(currentIteration())
                .isWaitingAt(ProcessIds.TASK_CHOOSE_INTERVENTION)
                .variables()
                .containsEntry(ProcessIds.VAR_ITERATION, 2);
    }

    @Test
    void aSnapshotWhileTheLoopIsOpenJoinsItsTimelineInsteadOfStartingAnother() {
        openLoop(38);

        var again = measure(35);

        assertThat(again.loop().id()).isEqualTo(loopId);
        assertThat(loops.loops(new LoopFilter(team, null, null, null, null), 0, 10)
                        .total())
                .isEqualTo(1);
        assertThat(timeline()).containsSubsequence("LOOP_OPENED", "SNAPSHOT_ATTACHED");
        BpmnAwareTests.assertThat(currentIteration()).isWaitingAt(ProcessIds.TASK_CHOOSE_INTERVENTION);
    }

    @Test
    void governanceEscalatingEndsTheLoopAsEscalated() {
        ProcessInstance first = firstIterationAwaitingDecision();
        ProcessInstance loopInstance = loopInstance();

        decide(first, Decision.ESCALATE);

        BpmnAwareTests.assertThat(loopInstance).isEnded().hasPassed("Task_EscalateLoop", "EndEvent_LoopEscalated");
        assertThat(loop().status()).isEqualTo(LoopStatus.ESCALATED);
    }
}
