package org.podloop.loop;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
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
        if (ProcessIds.LOOP_ITERATION.equals(process.getId()) && !waitsForRemeasurement(model, process)) {
            return List.of(new LintFinding(
                    resource,
                    process.getId(),
                    "no receive task or catch event waits for the message '" + ProcessIds.MESSAGE_REMEASUREMENT_RECEIVED
                            + "', so re-measurements can never arrive"));
        }
        return List.of();
    }

    private static boolean waitsForRemeasurement(BpmnModelInstance model, Process process) {
        Predicate<Message> isRemeasurement =
                message -> message != null && ProcessIds.MESSAGE_REMEASUREMENT_RECEIVED.equals(message.getName());
        return model.getModelElementsByType(ReceiveTask.class).stream()
                        .anyMatch(t -> processOf(t) == process && isRemeasurement.test(t.getMessage()))
                || model.getModelElementsByType(MessageEventDefinition.class).stream()
                        .anyMatch(d -> processOf(d) == process && isRemeasurement.test(d.getMessage()));
    }

    private static Process processOf(ModelElementInstance element) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            if (e instanceof Process process) {
                return process;
            }
        }
        return null;
    }
}
