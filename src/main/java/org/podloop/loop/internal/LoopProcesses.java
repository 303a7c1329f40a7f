package org.podloop.loop.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.podloop.loop.ProcessIds;

/** Which process instances are a loop's, and which loop: the definition key and the business key Podloop set at start. */
public final class LoopProcesses {

    public static final Set<String> KEYS = Set.of(ProcessIds.EXECUTION_LOOP, ProcessIds.LOOP_ITERATION);

    private LoopProcesses() {}

    public static boolean isLoopProcess(ExecutionEntity execution) {
        return execution.getProcessDefinition() != null
                && KEYS.contains(execution.getProcessDefinition().getKey());
    }

    public static Optional<UUID> loopId(DelegateExecution execution) {
        if (!(execution instanceof ExecutionEntity entity) || !isLoopProcess(entity.getProcessInstance())) {
            return Optional.empty();
        }
        return uuid(execution.getProcessBusinessKey());
    }

    public static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notALoop) {
            return Optional.empty();
        }
    }
}
