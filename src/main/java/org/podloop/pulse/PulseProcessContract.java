package org.podloop.pulse;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.podloop.process.LintFinding;
import org.podloop.process.ProcessContract;
import org.springframework.stereotype.Component;

/**
 * What a round's process owes the pulse: its variables are Podloop's (the deadline among them), and it
 * listens for the message that every invited member has answered, or a full round would wait out its
 * deadline.
 */
@Component
class PulseProcessContract implements ProcessContract {

    @Override
    public Set<String> protectedVariables() {
        return Set.of(PulseEngine.VAR_ROUND_ID, PulseEngine.VAR_CLOSES_AT);
    }

    @Override
    public List<LintFinding> check(String resource, BpmnModelInstance model, Process process) {
        return ProcessContract.requireMessage(
                resource,
                model,
                process,
                PulseEngine.PROCESS,
                PulseEngine.MESSAGE_COMPLETED,
                "a round every member has answered would wait for its deadline");
    }
}
