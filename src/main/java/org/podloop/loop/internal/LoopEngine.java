package org.podloop.loop.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.podloop.identity.SystemAccess;
import org.podloop.loop.ProcessIds;
import org.springframework.stereotype.Component;

/**
 * The few engine calls the loop needs, in one place, so that a move to another Camunda 7 fork stays
 * small. The loop acts on its own behalf here (see {@link SystemAccess}): whoever posted the snapshot
 * that opens or advances a loop needs no rights on processes.
 */
@Component
public class LoopEngine {

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TaskService tasks;
    private final SystemAccess system;

    LoopEngine(RuntimeService runtime, RepositoryService repository, TaskService tasks, SystemAccess system) {
        this.runtime = runtime;
        this.repository = repository;
        this.tasks = tasks;
        this.system = system;
    }

    /** The open tasks of the loop processes that {@code user} may work: hers, or offered to one of her groups. */
    public List<Task> openTasksFor(String user, List<String> groups) {
        if (groups.isEmpty()) {
            return system.call(() -> loopTasks().taskAssignee(user).list());
        }
        return system.call(() -> loopTasks()
                .or()
                .taskAssignee(user)
                .taskCandidateGroupIn(groups)
                .endOr()
                .orderByDueDate()
                .asc()
                .list());
    }

    public Optional<Task> openTask(String taskId) {
        return system.call(() -> Optional.ofNullable(loopTasks().taskId(taskId).singleResult()));
    }

    /** The open tasks of one process instance (an iteration's). */
    public List<Task> openTasksOfInstance(String processInstanceId) {
        return system.call(
                () -> loopTasks().processInstanceId(processInstanceId).list());
    }

    /** The groups a task is offered to. */
    public List<String> candidateGroupsOf(String taskId) {
        return system.call(() -> tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList());
    }

    /** A variable of a loop's process instance (null when unset or when the instance has ended). */
    public Object instanceVariable(String processInstanceId, String name) {
        return system.call(() -> runtime.createProcessInstanceQuery()
                                .processInstanceId(processInstanceId)
                                .count()
                        == 0
                ? null
                : runtime.getVariable(processInstanceId, name));
    }

    /** A variable of the task's process, read for the page that shows it (null when unset). */
    public Object variable(String taskId, String name) {
        return system.call(() -> tasks.getVariable(taskId, name));
    }

    /**
     * Completes the task as the signed-in caller (the engine authentication the page chain set), so the
     * engine's authorizations and the loop's checks of what she submitted apply as in the Tasklist.
     */
    public void complete(String taskId, Map<String, Object> variables) {
        tasks.complete(taskId, variables);
    }

    private TaskQuery loopTasks() {
        return tasks.createTaskQuery()
                .processDefinitionKeyIn(LoopProcesses.KEYS.toArray(String[]::new))
                .active();
    }

    /** The id (key:version:uuid) of the loop process version a new loop runs on. */
    public String latestLoopDefinition() {
        return system.call(() -> repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(ProcessIds.EXECUTION_LOOP)
                .latestVersion()
                .singleResult()
                .getId());
    }

    public void startLoop(String definitionId, UUID loopId, String teamKey, UUID baselineSnapshotId) {
        system.run(() -> runtime.createProcessInstanceById(definitionId)
                .businessKey(loopId.toString())
                .setVariable(ProcessIds.VAR_LOOP_ID, loopId.toString())
                .setVariable(ProcessIds.VAR_TEAM_KEY, teamKey)
                .setVariable(ProcessIds.VAR_ITERATION, 1)
                .setVariable(ProcessIds.VAR_BASELINE_SNAPSHOT_ID, baselineSnapshotId.toString())
                .execute());
    }

    /** Whether an iteration of the loop waits at {@code Event_RemeasurementReceived}. */
    public boolean awaitsRemeasurement(UUID loopId) {
        return system.call(() -> runtime.createExecutionQuery()
                        .messageEventSubscriptionName(ProcessIds.MESSAGE_REMEASUREMENT_RECEIVED)
                        .processInstanceBusinessKey(loopId.toString())
                        .count()
                > 0);
    }

    /**
     * Delivers the re-measurement to the loop's iteration, found by the business key Podloop gave the loop's
     * instances (not by a variable, which is what a process could be tricked into holding).
     * The iteration verifies and moves on within the caller's transaction.
     */
    public void correlateRemeasurement(UUID loopId, UUID snapshotId) {
        system.run(() -> runtime.createMessageCorrelation(ProcessIds.MESSAGE_REMEASUREMENT_RECEIVED)
                .processInstanceBusinessKey(loopId.toString())
                .setVariable(ProcessIds.VAR_REMEASURE_SNAPSHOT_ID, snapshotId.toString())
                .correlateWithResult());
    }
}
