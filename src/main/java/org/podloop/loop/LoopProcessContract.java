package org.podloop.loop;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.podloop.loop.internal.VariableWrites;
import org.podloop.process.LintFinding;
import org.podloop.process.ProcessContract;
import org.springframework.stereotype.Component;

/** What the loop asks of the definitions process owners deploy: its control variables stay its own, and an iteration can be re-measured. */
@Component
class LoopProcessContract implements ProcessContract {

    @Override
    public Set<String> protectedVariables() {
        return VariableWrites.NAMES;
    }

    @Override
    public List<LintFinding> check(String resource, BpmnModelInstance model, Process process) {
        return ProcessContract.requireMessage(
                resource,
                model,
                process,
                ProcessIds.LOOP_ITERATION,
                ProcessIds.MESSAGE_REMEASUREMENT_RECEIVED,
                "re-measurements can never arrive");
    }
}
