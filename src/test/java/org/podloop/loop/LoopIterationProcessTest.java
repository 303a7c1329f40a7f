package org.podloop.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.podloop.support.LoopScenario;

/** processes/LoopIterationProcess.bpmn: one test per path. */
class LoopIterationProcessTest extends LoopScenario {

    @Test
    void reducedFrictionGoesToGovernance() {
        openLoop(38);
        ProcessInstance iteration = currentIteration();
        BpmnAwareTests.assertThat(iteration)
                .hasPassed("Task_StartIteration")
                .isWaitingAt(ProcessIds.TASK_CHOOSE_INTERVENTION)
                .variables()
                .containsEntry(ProcessIds.VAR_ITERATION, 1);
        BpmnAwareTests.assertThat(task(iteration)).hasCandidateGroup("pod-" + team);
        assertThat((String) BpmnAwareTests.assertThat(iteration)
                        .variables()
                        .actual()
                        .get(ProcessIds.VAR_RECOMMENDATION_SUMMARY))
                .contains("speak-up-round", "anonymous-pre-mortem");

        chooseAndRun("speak-up-round");
        BpmnAwareTests.assertThat(iteration).isWaitingAt(ProcessIds.TASK_AWAIT_REMEASUREMENT);

        measure(60);
        BpmnAwareTests.assertThat(iteration)
                .isWaitingAt(ProcessIds.TASK_DECIDE)
                .variables()
                .containsEntry(ProcessIds.VAR_VERIFICATION_OUTCOME, "REDUCED");
        BpmnAwareTests.assertThat(task(iteration)).hasCandidateGroup("governance");

        decide(iteration, Decision.CLOSE);
        BpmnAwareTests.assertThat(iteration)
                .isEnded()
                .hasPassedInOrder("Task_VerifyOutcome", ProcessIds.TASK_DECIDE, "Task_EndIteration")
                .variables()
                .containsEntry(ProcessIds.VAR_ITERATION_OUTCOME, "CLOSE");
    }

    @Test
    void notReducedEndsTheIterationWithoutAskingGovernance() {
        openLoop(38);
        ProcessInstance iteration = chooseAndRun("speak-up-round");

        measure(40);

        BpmnAwareTests.assertThat(iteration)
                .isEnded()
                .hasNotPassed(ProcessIds.TASK_DECIDE)
                .variables()
                .containsEntry(ProcessIds.VAR_VERIFICATION_OUTCOME, "NOT_REDUCED")
                .containsEntry(ProcessIds.VAR_ITERATION_OUTCOME, "REPEAT");
    }

    @Test
    void worsenedEndsTheIterationWithoutAskingGovernance() {
        openLoop(44);
        ProcessInstance iteration = chooseAndRun("speak-up-round");

        measure(30);

        BpmnAwareTests.assertThat(iteration)
                .isEnded()
                .hasNotPassed(ProcessIds.TASK_DECIDE)
                .variables()
                .containsEntry(ProcessIds.VAR_VERIFICATION_OUTCOME, "WORSENED")
                .containsEntry(ProcessIds.VAR_ITERATION_OUTCOME, "REPEAT");
    }

    @Test
    void inconclusiveWhenTheReMeasureLacksTheTargetedMetrics() {
        openLoop(38);
        ProcessInstance iteration = chooseAndRun("speak-up-round");

        intake.receive(
                team,
                new org.podloop.signal.NewSnapshot(
                        "no-target", Instant.now(), 6, java.util.Map.of("engagement", 70.0)));

        BpmnAwareTests.assertThat(iteration)
                .isEnded()
                .hasNotPassed(ProcessIds.TASK_DECIDE)
                .variables()
                .containsEntry(ProcessIds.VAR_VERIFICATION_OUTCOME, "INCONCLUSIVE");
    }

    @Test
    void aPodThatHasNotChosenIsRemindedAndTheTaskStaysOpen() {
        openLoop(38);
        ProcessInstance iteration = currentIteration();

        timePasses(Duration.ofDays(2).minusMinutes(1));
        BpmnAwareTests.assertThat(iteration).hasNotPassed(ProcessIds.TASK_REMIND_TO_CHOOSE);
        timePasses(Duration.ofMinutes(2));

        BpmnAwareTests.assertThat(iteration)
                .hasPassed(ProcessIds.TASK_REMIND_TO_CHOOSE)
                .isWaitingAt(ProcessIds.TASK_CHOOSE_INTERVENTION);
        assertThat(timeline()).contains("REMINDER_SENT");
    }

    @Test
    void thePodIsRemindedTwoDaysBeforeTheTimeBoxEnds() {
        openLoop(38);
        ProcessInstance iteration = choose("anonymous-pre-mortem");

        timePasses(Duration.ofDays(5).minusMinutes(1));
        BpmnAwareTests.assertThat(iteration).hasNotPassed(ProcessIds.TASK_REMIND_TO_FINISH);
        timePasses(Duration.ofMinutes(2));

        BpmnAwareTests.assertThat(iteration)
                .hasPassed(ProcessIds.TASK_REMIND_TO_FINISH)
                .isWaitingAt(ProcessIds.TASK_RUN_INTERVENTION);
    }

    @Test
    void thePodMayExtendTheTimeBoxOnceAndNotTwice() {
        openLoop(38);
        ProcessInstance iteration = choose("anonymous-pre-mortem");
        java.util.Date due = task(ProcessIds.TASK_RUN_INTERVENTION, iteration).getDueDate();

        complete(
                task(ProcessIds.TASK_RUN_INTERVENTION, iteration),
                withVariables(ProcessIds.VAR_OUTCOME_NOTES, "half way", ProcessIds.VAR_EXTEND, true));

        BpmnAwareTests.assertThat(iteration)
                .hasPassed("Task_ExtendTimeBox")
                .isWaitingAt(ProcessIds.TASK_RUN_INTERVENTION);
        assertThat(task(ProcessIds.TASK_RUN_INTERVENTION, iteration).getDueDate())
                .isEqualTo(java.util.Date.from(due.toInstant().plus(Duration.ofDays(7))));
        var again = task(ProcessIds.TASK_RUN_INTERVENTION, iteration);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(
                        again,
                        withVariables(ProcessIds.VAR_OUTCOME_NOTES, "still not done", ProcessIds.VAR_EXTEND, true)))
                .hasMessageContaining("extend: the time-box was extended once already");
        complete(again, withVariables(ProcessIds.VAR_OUTCOME_NOTES, "done", ProcessIds.VAR_EXTEND, false));
        BpmnAwareTests.assertThat(iteration).isWaitingAt(ProcessIds.TASK_AWAIT_REMEASUREMENT);
        assertThat(timeline()).contains("TIME_BOX_EXTENDED");
    }

    @Test
    void withoutAReMeasurementThePodIsAskedToArrangeOneAndALateSnapshotStillVerifies() {
        openLoop(38);
        ProcessInstance iteration = chooseAndRun("speak-up-round");

        timePasses(Duration.ofDays(14).plusMinutes(1));

        BpmnAwareTests.assertThat(iteration)
                .isWaitingAt(ProcessIds.TASK_AWAIT_REMEASUREMENT, ProcessIds.TASK_REQUEST_REMEASUREMENT);
        BpmnAwareTests.assertThat(task(ProcessIds.TASK_REQUEST_REMEASUREMENT, iteration))
                .hasCandidateGroup("pod-" + team);
        assertThat(timeline()).contains("REMEASUREMENT_OVERDUE");

        measure(60);

        BpmnAwareTests.assertThat(iteration).isWaitingAt(ProcessIds.TASK_DECIDE);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(iteration.getId())
                        .taskDefinitionKey(ProcessIds.TASK_REQUEST_REMEASUREMENT)
                        .count())
                .isEqualTo(1);
        decide(iteration, Decision.CLOSE);
        BpmnAwareTests.assertThat(iteration).isEnded();
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(iteration.getId())
                        .count())
                .as("the open request ends with the iteration")
                .isZero();
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

        BpmnAwareTests.assertThat(third)
                .isWaitingAt(ProcessIds.TASK_DECIDE)
                .variables()
                .containsEntry(ProcessIds.VAR_ITERATION, 3)
                .containsEntry(ProcessIds.VAR_VERIFICATION_OUTCOME, "NOT_REDUCED")
                .containsEntry(ProcessIds.VAR_ITERATIONS_EXHAUSTED, true);
    }
}
