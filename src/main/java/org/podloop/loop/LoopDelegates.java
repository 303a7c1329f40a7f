package org.podloop.loop;

import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.podloop.loop.internal.LoopProcesses;
import org.podloop.process.ProcessCallable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans BPMN service tasks name ({@code ${startIteration}} …): each maps the execution to one
 * {@link LoopSteps} call. All are {@link ProcessCallable}: the allow-list processes may call.
 */
@Configuration
class LoopDelegates {

    @Bean
    @ProcessCallable
    JavaDelegate startIteration(LoopSteps steps) {
        return execution -> {
            var start = steps.startIteration(
                    loopId(execution), execution.getProcessInstanceId(), execution.getProcessDefinitionId());
            execution.setVariable(ProcessIds.VAR_FINDING_SUMMARY, start.findingSummary());
            execution.setVariable(ProcessIds.VAR_RECOMMENDATION_SUMMARY, start.recommendationSummary());
            execution.setVariable(ProcessIds.VAR_RECOMMENDATIONS, start.recommendationsJson());
        };
    }

    @Bean
    @ProcessCallable
    JavaDelegate verifyOutcome(LoopSteps steps) {
        return execution -> {
            var step = steps.verify(loopId(execution));
            execution.setVariable(
                    ProcessIds.VAR_VERIFICATION_OUTCOME,
                    step.verification().outcome().name());
            execution.setVariable(ProcessIds.VAR_VERIFICATION_SUMMARY, step.summary());
            execution.setVariable(ProcessIds.VAR_ITERATIONS_EXHAUSTED, step.iterationsExhausted());
        };
    }

    @Bean
    @ProcessCallable
    JavaDelegate endIteration(LoopSteps steps) {
        return execution -> execution.setVariable(
                ProcessIds.VAR_ITERATION_OUTCOME,
                steps.endIteration(loopId(execution)).name());
    }

    @Bean
    @ProcessCallable
    JavaDelegate prepareNextIteration(LoopSteps steps) {
        return execution -> {
            UUID loopId = loopId(execution);
            execution.setVariable(ProcessIds.VAR_ITERATION, steps.nextIterationNumber(loopId));
            execution.setVariable(
                    ProcessIds.VAR_BASELINE_SNAPSHOT_ID,
                    steps.nextBaseline(loopId).toString());
        };
    }

    @Bean
    @ProcessCallable
    JavaDelegate recordReminder(LoopSteps steps) {
        return execution -> steps.reminded(loopId(execution), execution.getCurrentActivityId());
    }

    @Bean
    @ProcessCallable
    JavaDelegate extendTimeBox(LoopSteps steps) {
        return execution -> {
            LoopTaskListener.dueAt(execution, steps.extendTimeBox(loopId(execution), (Date)
                    execution.getVariable(ProcessIds.VAR_INTERVENTION_DUE)));
            // the next run task starts blank: its report is still to be written, and it may not extend again
            execution.setVariable(ProcessIds.VAR_EXTEND, false);
            execution.removeVariable(ProcessIds.VAR_OUTCOME_NOTES);
        };
    }

    /** The assistant's brief or debrief did not come in time: the timeline says so, the iteration goes on. */
    @Bean
    @ProcessCallable
    JavaDelegate noteAssistantMissing(LoopSteps steps) {
        return execution -> steps.assistantMissing(loopId(execution), execution.getCurrentActivityId());
    }

    /** After the run task: the team measures itself again. */
    @Bean
    @ProcessCallable
    JavaDelegate openRemeasurementRound(LoopSteps steps) {
        return execution -> steps.interventionEnded(loopId(execution), false);
    }

    /** The time-box passed while the intervention still runs: the team measures itself all the same. */
    @Bean
    @ProcessCallable
    JavaDelegate openRemeasurementRoundAtTimeBoxEnd(LoopSteps steps) {
        return execution -> steps.interventionEnded(loopId(execution), true);
    }

    @Bean
    @ProcessCallable
    JavaDelegate noteRemeasurementOverdue(LoopSteps steps) {
        return execution -> steps.remeasurementOverdue(loopId(execution));
    }

    @Bean
    @ProcessCallable
    JavaDelegate closeLoop(LoopSteps steps) {
        return execution -> steps.close(loopId(execution));
    }

    @Bean
    @ProcessCallable
    JavaDelegate escalateLoop(LoopSteps steps) {
        return execution -> steps.escalate(loopId(execution));
    }

    /**
     * The loop a delegate works on: named by the business key Podloop gave the loop's process instances,
     * not by a variable, which a task submission might have set a moment before in the same command.
     */
    private static UUID loopId(DelegateExecution execution) {
        return LoopProcesses.loopId(execution)
                .orElseThrow(() ->
                        new ProcessEngineException("Podloop's loop delegates run only in a loop's process instances ("
                                + execution.getProcessDefinitionId() + ")"));
    }
}
