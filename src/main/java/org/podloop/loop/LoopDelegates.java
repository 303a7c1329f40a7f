package org.podloop.loop;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans BPMN service tasks name ({@code ${startIteration}} …): each maps variables to one {@link LoopSteps} call. */
@Configuration
class LoopDelegates {

    @Bean
    JavaDelegate startIteration(LoopSteps steps) {
        return execution -> {
            var start = steps.startIteration(loopId(execution), (Integer) execution.getVariable(ProcessIds.VAR_ITERATION),
                    UUID.fromString((String) execution.getVariable(ProcessIds.VAR_BASELINE_SNAPSHOT_ID)),
                    execution.getProcessInstanceId(), execution.getProcessDefinitionId());
            execution.setVariable(ProcessIds.VAR_FINDING_SUMMARY, start.findingSummary());
            execution.setVariable(ProcessIds.VAR_RECOMMENDATION_SUMMARY, start.recommendationSummary());
            execution.setVariable(ProcessIds.VAR_RECOMMENDATIONS, start.recommendationsJson());
        };
    }

    @Bean
    JavaDelegate verifyOutcome(LoopSteps steps) {
        return execution -> {
            var step = steps.verify(loopId(execution));
            execution.setVariable(ProcessIds.VAR_VERIFICATION_OUTCOME, step.verification().outcome());
            execution.setVariable(ProcessIds.VAR_VERIFICATION_SUMMARY, step.summary());
            execution.setVariable(ProcessIds.VAR_ITERATIONS_EXHAUSTED, step.iterationsExhausted());
        };
    }

    @Bean
    JavaDelegate endIteration(LoopSteps steps) {
        return execution -> execution.setVariable(ProcessIds.VAR_ITERATION_OUTCOME, steps.endIteration(loopId(execution)).name());
    }

    @Bean
    JavaDelegate prepareNextIteration(LoopSteps steps) {
        return execution -> {
            execution.setVariable(ProcessIds.VAR_ITERATION, (Integer) execution.getVariable(ProcessIds.VAR_ITERATION) + 1);
            execution.setVariable(ProcessIds.VAR_BASELINE_SNAPSHOT_ID, steps.nextBaseline(loopId(execution)).toString());
        };
    }

    @Bean
    JavaDelegate recordReminder(LoopSteps steps) {
        return execution -> steps.reminded(loopId(execution), iteration(execution), execution.getCurrentActivityId());
    }

    @Bean
    JavaDelegate extendTimeBox(LoopSteps steps) {
        return execution -> LoopTaskListener.dueAt(execution, steps.extendTimeBox(loopId(execution),
                (java.util.Date) execution.getVariable(ProcessIds.VAR_INTERVENTION_DUE)));
    }

    @Bean
    JavaDelegate noteRemeasurementOverdue(LoopSteps steps) {
        return execution -> steps.remeasurementOverdue(loopId(execution), iteration(execution));
    }

    @Bean
    JavaDelegate closeLoop(LoopSteps steps) {
        return execution -> steps.close(loopId(execution));
    }

    @Bean
    JavaDelegate escalateLoop(LoopSteps steps) {
        return execution -> steps.escalate(loopId(execution));
    }

    private static int iteration(DelegateExecution execution) {
        return (Integer) execution.getVariable(ProcessIds.VAR_ITERATION);
    }

    private static UUID loopId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(ProcessIds.VAR_LOOP_ID));
    }
}
