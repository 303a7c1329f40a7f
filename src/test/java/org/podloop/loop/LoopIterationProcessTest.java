package org.podloop.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/** processes/LoopIterationProcess.bpmn: one test per path. */
class LoopIterationProcessTest extends LoopScenario {

    @Test
    void reducedFrictionGoesToGovernance() {
        openLoop(38);
        ProcessInstance iteration = currentIteration();
        BpmnAwareTests.assertThat(iteration).hasPassed("Task_StartIteration").isWaitingAt(ProcessIds.TASK_CHOOSE_INTERVENTION)
                .variables().containsEntry(ProcessIds.VAR_ITERATION, 1);
        BpmnAwareTests.assertThat(task(iteration)).hasCandidateGroup("pod-" + team);
        assertThat((String) BpmnAwareTests.assertThat(iteration).variables().actual().get(ProcessIds.VAR_RECOMMENDATION_SUMMARY))
                .contains("speak-up-round", "anonymous-pre-mortem");

        chooseAndRun("speak-up-round");
        BpmnAwareTests.assertThat(iteration).isWaitingAt(ProcessIds.EVENT_REMEASUREMENT_RECEIVED);

        measure(60);
        BpmnAwareTests.assertThat(iteration).isWaitingAt(ProcessIds.TASK_DECIDE)
                .variables().containsEntry(ProcessIds.VAR_VERIFICATION_OUTCOME, "REDUCED");
        BpmnAwareTests.assertThat(task(iteration)).hasCandidateGroup("governance");

        decide(iteration, Decision.CLOSE);
        BpmnAwareTests.assertThat(iteration).isEnded()
                .hasPassedInOrder("Task_VerifyOutcome", ProcessIds.TASK_DECIDE, "Task_EndIteration")
                .variables().containsEntry(ProcessIds.VAR_ITERATION_OUTCOME, "CLOSE");
    }

    @Test
    void notReducedEndsTheIterationWithoutAskingGovernance() {
        openLoop(38);
        ProcessInstance iteration = chooseAndRun("speak-up-round");

        measure(40);

        BpmnAwareTests.assertThat(iteration).isEnded().hasNotPassed(ProcessIds.TASK_DECIDE)
                .variables().containsEntry(ProcessIds.VAR_VERIFICATION_OUTCOME, "NOT_REDUCED")
                .containsEntry(ProcessIds.VAR_ITERATION_OUTCOME, "REPEAT");
    }

    @Test
    void whenIterationsAreExhaustedGovernanceDecidesEvenWithoutAReduction() {
        openLoop(38);
        chooseAndRun("speak-up-round");
        measure(38);
        chooseAndRun("anonymous-pre-mortem");
        measure(37);
        ProcessInstance third = chooseAndRun("speak-up-round");

        measure(36);

        BpmnAwareTests.assertThat(third).isWaitingAt(ProcessIds.TASK_DECIDE).variables()
                .containsEntry(ProcessIds.VAR_ITERATION, 3)
                .containsEntry(ProcessIds.VAR_VERIFICATION_OUTCOME, "NOT_REDUCED")
                .containsEntry(ProcessIds.VAR_ITERATIONS_EXHAUSTED, true);
    }
}
