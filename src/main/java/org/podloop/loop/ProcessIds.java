package org.podloop.loop;

/** The BPMN ids and variable names Java relies on; the files in {@code processes/} must use the same. */
public final class ProcessIds {

    public static final String EXECUTION_LOOP = "ExecutionLoopProcess";
    public static final String LOOP_ITERATION = "LoopIterationProcess";

    public static final String TASK_CHOOSE_INTERVENTION = "Task_ChooseIntervention";
    public static final String TASK_RUN_INTERVENTION = "Task_RunIntervention";
    public static final String TASK_DECIDE = "Task_Decide";
    public static final String TASK_AWAIT_REMEASUREMENT = "Task_AwaitRemeasurement";
    public static final String TASK_REQUEST_REMEASUREMENT = "Task_RequestRemeasurement";
    public static final String TASK_REMIND_TO_CHOOSE = "Task_RemindToChoose";
    public static final String TASK_REMIND_TO_FINISH = "Task_RemindToFinish";
    /** The assistant's external tasks and the topics workers fetch them by. */
    public static final String TASK_WRITE_BRIEF = "Task_WriteBrief";

    public static final String TASK_WRITE_DEBRIEF = "Task_WriteDebrief";
    public static final String TASK_NOTE_BRIEF_MISSING = "Task_NoteBriefMissing";
    public static final String TASK_NOTE_DEBRIEF_MISSING = "Task_NoteDebriefMissing";
    public static final String TOPIC_BRIEF = "pod-assistant.brief";
    public static final String TOPIC_DEBRIEF = "pod-assistant.debrief";
    /** The actor of the assistant's steps on the timeline and in the audit, whichever worker wrote them. */
    public static final String ASSISTANT_ACTOR = "assistant";
    /** The BPMN error a worker reports when it cannot write: the iteration goes on without it at once. */
    public static final String ERROR_ASSISTANT_FAILED = "ASSISTANT_FAILED";

    public static final String CALL_ACTIVITY_RUN_ITERATION = "CallActivity_RunIteration";
    public static final String MESSAGE_REMEASUREMENT_RECEIVED = "RemeasurementReceived";

    public static final String VAR_LOOP_ID = "loopId";
    public static final String VAR_TEAM_KEY = "teamKey";
    public static final String VAR_ITERATION = "iteration";
    public static final String VAR_BASELINE_SNAPSHOT_ID = "baselineSnapshotId";
    public static final String VAR_REMEASURE_SNAPSHOT_ID = "remeasureSnapshotId";
    public static final String VAR_FINDING_SUMMARY = "findingSummary";
    public static final String VAR_RECOMMENDATIONS = "recommendations";
    public static final String VAR_RECOMMENDATION_SUMMARY = "recommendationSummary";
    public static final String VAR_INTERVENTION_ID = "interventionId";
    public static final String VAR_INTERVENTION_STEPS = "interventionSteps";
    public static final String VAR_INTERVENTION_DUE = "interventionDue";
    public static final String VAR_INTERVENTION_DUE_TEXT = "interventionDueText";
    public static final String VAR_EXTEND = "extend";
    public static final String VAR_EXTENSION_REQUESTED = "extensionRequested";
    public static final String VAR_REMEASUREMENT_ARRANGEMENT = "remeasurementArrangement";
    public static final String VAR_OUTCOME_NOTES = "outcomeNotes";
    public static final String VAR_VERIFICATION_OUTCOME = "verificationOutcome";
    public static final String VAR_VERIFICATION_SUMMARY = "verificationSummary";
    public static final String VAR_ITERATIONS_EXHAUSTED = "iterationsExhausted";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_RATIONALE = "rationale";
    public static final String VAR_ITERATION_OUTCOME = "iterationOutcome";
    /** What the assistant wrote (a draft for the humans), who wrote it, and the hash of what it was given. */
    public static final String VAR_ASSISTANT_BRIEF = "assistantBrief";

    public static final String VAR_ASSISTANT_DEBRIEF = "assistantDebrief";
    public static final String VAR_ASSISTANT_WORKER = "assistantWorker";
    public static final String VAR_ASSISTANT_PROMPT_HASH = "assistantPromptHash";

    private ProcessIds() {}
}
