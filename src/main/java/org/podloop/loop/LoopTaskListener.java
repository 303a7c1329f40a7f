package org.podloop.loop;

import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.podloop.rules.Intervention;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sees every user task of a loop through Camunda's Spring event bridge (so a process owner cannot
 * forget to attach it): task creation and assignment go on the timeline; when a task completes, what
 * the pod or governance submitted is checked and recorded. Which loop and iteration a task belongs to
 * comes from the loop (the iteration records its process instance), never from the task's variables.
 *
 * <p>Submissions are checked at the user task's execution {@code end}, not in a task listener: the
 * engine wraps task listener exceptions into a generic error (HTTP 500), while an execution listener's
 * {@link TaskInputException} reaches {@code /engine-rest} as 400 and the Tasklist as a form message.
 */
@Component
class LoopTaskListener {

    private static final Set<String> USER_TASKS = Set.of(
            ProcessIds.TASK_CHOOSE_INTERVENTION,
            ProcessIds.TASK_RUN_INTERVENTION,
            ProcessIds.TASK_REQUEST_REMEASUREMENT,
            ProcessIds.TASK_DECIDE);

    private final LoopSteps steps;
    private final Submissions submissions;
    private final LoopDurations durations;

    LoopTaskListener(LoopSteps steps, Submissions submissions, LoopDurations durations) {
        this.steps = steps;
        this.submissions = submissions;
        this.durations = durations;
    }

    @EventListener
    public void onTaskEvent(DelegateTask task) {
        // the bridge publishes the live task entity; a completion that lost a race can show it between events
        String event = task.getEventName();
        LoopIteration run = event == null
                ? null
                : steps.iterationRunBy(task.getProcessInstanceId()).orElse(null);
        if (run == null) {
            return;
        }
        UUID loopId = run.loop().id();
        int iteration = run.number();
        switch (event) {
            case TaskListener.EVENTNAME_CREATE ->
                submissions.taskCreated(loopId, iteration, task.getId(), task.getTaskDefinitionKey(), task.getName());
            case TaskListener.EVENTNAME_ASSIGNMENT ->
                submissions.taskAssigned(
                        loopId, iteration, task.getId(), task.getTaskDefinitionKey(), task.getAssignee());
            default -> {}
        }
    }

    @EventListener(condition = "#execution.eventName == 'end' && !#execution.canceled")
    public void onActivityEnd(DelegateExecution execution) {
        String activity = execution.getCurrentActivityId();
        LoopIteration run = activity == null || !USER_TASKS.contains(activity)
                ? null
                : steps.iterationRunBy(execution.getProcessInstanceId()).orElse(null);
        if (run == null) {
            return;
        }
        UUID loopId = run.loop().id();
        int iteration = run.number();
        switch (activity) {
            case ProcessIds.TASK_CHOOSE_INTERVENTION -> {
                Intervention chosen = submissions.interventionChosen(
                        loopId, iteration, text(execution, ProcessIds.VAR_INTERVENTION_ID));
                execution.setVariable(ProcessIds.VAR_INTERVENTION_STEPS, String.join("\n", chosen.steps()));
                dueAt(execution, durations.after(chosen.timeBox()));
            }
            case ProcessIds.TASK_RUN_INTERVENTION ->
                execution.setVariable(
                        ProcessIds.VAR_EXTENSION_REQUESTED,
                        submissions.interventionRun(
                                loopId,
                                iteration,
                                text(execution, ProcessIds.VAR_OUTCOME_NOTES),
                                Boolean.TRUE.equals(execution.getVariable(ProcessIds.VAR_EXTEND))));
            case ProcessIds.TASK_REQUEST_REMEASUREMENT ->
                submissions.remeasurementArranged(
                        loopId, iteration, text(execution, ProcessIds.VAR_REMEASUREMENT_ARRANGEMENT));
            case ProcessIds.TASK_DECIDE ->
                submissions.decided(
                        loopId,
                        iteration,
                        text(execution, ProcessIds.VAR_DECISION),
                        text(execution, ProcessIds.VAR_RATIONALE));
            default -> {}
        }
    }

    /**
     * The assistant's external tasks: when one starts, workers are told (after the commit); when one
     * completes (not when its time-out interrupts it), what it wrote goes on the timeline.
     */
    @EventListener(
            condition = "(#execution.eventName == 'start' || (#execution.eventName == 'end' && !#execution.canceled))"
                    + " && (#execution.currentActivityId == 'Task_WriteBrief'"
                    + " || #execution.currentActivityId == 'Task_WriteDebrief')")
    public void onAssistantWork(DelegateExecution execution) {
        LoopIteration run =
                steps.iterationRunBy(execution.getProcessInstanceId()).orElse(null);
        if (run == null) {
            return;
        }
        boolean brief = ProcessIds.TASK_WRITE_BRIEF.equals(execution.getCurrentActivityId());
        if (ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) {
            // who wrote the brief does not carry over to the debrief: each one names its own worker
            execution.removeVariable(ProcessIds.VAR_ASSISTANT_WORKER);
            execution.removeVariable(ProcessIds.VAR_ASSISTANT_PROMPT_HASH);
            steps.assistantAsked(
                    run.loop().id(),
                    brief ? ProcessIds.TOPIC_BRIEF : ProcessIds.TOPIC_DEBRIEF,
                    execution.getProcessInstanceId());
            return;
        }
        steps.assistantWrote(
                run.loop().id(),
                brief,
                text(execution, ProcessIds.VAR_ASSISTANT_WORKER),
                text(execution, ProcessIds.VAR_ASSISTANT_PROMPT_HASH),
                text(execution, brief ? ProcessIds.VAR_ASSISTANT_BRIEF : ProcessIds.VAR_ASSISTANT_DEBRIEF));
    }

    /** Sets the end of the time-box, as a date for the task and as text for the form. */
    static void dueAt(DelegateExecution execution, Date due) {
        execution.setVariable(ProcessIds.VAR_INTERVENTION_DUE, due);
        execution.setVariable(
                ProcessIds.VAR_INTERVENTION_DUE_TEXT, due.toInstant().toString());
    }

    private static String text(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        return value == null ? null : value.toString();
    }
}
