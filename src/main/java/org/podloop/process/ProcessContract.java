package org.podloop.process;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What the application that runs on the deployed processes adds to the lint: the variables that only it
 * may write, and checks of its own definitions. Modules that run processes (the loop, the pulse) provide
 * one each; this module knows neither.
 */
public interface ProcessContract {

    /** Variables no mapping of a definition may set (a {@code camunda:in} may pass one on unchanged). */
    Set<String> protectedVariables();

    /** Findings about one process of a file being linted, beyond the checks every definition gets. */
    List<LintFinding> check(String resource, BpmnModelInstance model, Process process);

    /** The contracts of every module as one. */
    static ProcessContract allOf(List<ProcessContract> contracts) {
        Set<String> variables = contracts.stream()
                .flatMap(contract -> contract.protectedVariables().stream())
                .collect(Collectors.toUnmodifiableSet());
        return new ProcessContract() {
            @Override
            public Set<String> protectedVariables() {
                return variables;
            }

            @Override
            public List<LintFinding> check(String resource, BpmnModelInstance model, Process process) {
                return contracts.stream()
                        .flatMap(contract -> contract.check(resource, model, process).stream())
                        .toList();
            }
        };
    }

    /**
     * A finding when the process {@code processId} has no receive task or message catch event waiting for
     * the message {@code messageName}; {@code consequence} says what would go wrong without it.
     */
    static List<LintFinding> requireMessage(
            String resource,
            BpmnModelInstance model,
            Process process,
            String processId,
            String messageName,
            String consequence) {
        if (!processId.equals(process.getId()) || waitsForMessage(model, process, messageName)) {
            return List.of();
        }
        return List.of(new LintFinding(
                resource,
                process.getId(),
                "no receive task or catch event waits for the message '" + messageName + "', so " + consequence));
    }

    private static boolean waitsForMessage(BpmnModelInstance model, Process process, String messageName) {
        return model.getModelElementsByType(ReceiveTask.class).stream()
                        .anyMatch(task -> processOf(task) == process && named(task.getMessage(), messageName))
                || model.getModelElementsByType(MessageEventDefinition.class).stream()
                        .anyMatch(event -> processOf(event) == process && named(event.getMessage(), messageName));
    }

    private static boolean named(Message message, String name) {
        return message != null && name.equals(message.getName());
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
