package org.podloop.loop;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.podloop.classification.ClassificationService;
import org.podloop.identity.Directory;
import org.podloop.rules.Intervention;
import org.springframework.stereotype.Component;

/**
 * What people do in a loop's user tasks: their tasks appear and are claimed, and what the pod or
 * governance submits is checked (refused with a {@link TaskInputException} naming the field) and recorded
 * on the loop and its timeline. The steps the process takes on its own are {@link LoopSteps}.
 */
@Component
class Submissions {

    private final Loops loops;
    private final Timeline timeline;
    private final ClassificationService classification;
    private final Directory directory;

    Submissions(Loops loops, Timeline timeline, ClassificationService classification, Directory directory) {
        this.loops = loops;
        this.timeline = timeline;
        this.classification = classification;
        this.directory = directory;
    }

    void taskCreated(UUID loopId, int iteration, String taskId, String taskKey, String taskName) {
        timeline.record(
                loopId,
                iteration,
                TimelineType.TASK_CREATED,
                null,
                null,
                Map.of("taskId", taskId, "task", taskKey, "name", taskName));
    }

    void taskAssigned(UUID loopId, int iteration, String taskId, String taskKey, String assignee) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("taskId", taskId);
        detail.put("task", taskKey);
        detail.put("assignee", assignee);
        timeline.record(loopId, iteration, TimelineType.TASK_ASSIGNED, actorOr(assignee), null, detail);
    }

    /** The pod chose: refuses an id the catalogue does not know; returns the intervention for its time-box and steps. */
    Intervention interventionChosen(UUID loopId, int iteration, String interventionId) {
        requireText(ProcessIds.VAR_INTERVENTION_ID, interventionId);
        Intervention intervention = classification
                .intervention(interventionId.strip())
                .orElseThrow(() -> new TaskInputException(
                        ProcessIds.VAR_INTERVENTION_ID,
                        "unknown intervention '" + interventionId.strip() + "'; choose one of "
                                + classification.interventions().stream()
                                        .map(Intervention::id)
                                        .toList()));
        load(loopId).iteration(iteration).chooseIntervention(intervention.id());
        completed(
                loopId,
                iteration,
                ProcessIds.TASK_CHOOSE_INTERVENTION,
                Map.of(ProcessIds.VAR_INTERVENTION_ID, intervention.id()));
        return intervention;
    }

    /** The pod reported on the run; returns whether it asked for (its one) extension of the time-box. */
    boolean interventionRun(UUID loopId, int iteration, String outcomeNotes, boolean extend) {
        requireText(ProcessIds.VAR_OUTCOME_NOTES, outcomeNotes);
        if (extend && load(loopId).iteration(iteration).extended()) {
            throw new TaskInputException(
                    ProcessIds.VAR_EXTEND, "the time-box was extended once already; report what happened instead");
        }
        completed(
                loopId,
                iteration,
                ProcessIds.TASK_RUN_INTERVENTION,
                Map.of(ProcessIds.VAR_OUTCOME_NOTES, outcomeNotes, ProcessIds.VAR_EXTEND, extend));
        return extend;
    }

    void remeasurementArranged(UUID loopId, int iteration, String arrangement) {
        requireText(ProcessIds.VAR_REMEASUREMENT_ARRANGEMENT, arrangement);
        completed(
                loopId,
                iteration,
                ProcessIds.TASK_REQUEST_REMEASUREMENT,
                Map.of(ProcessIds.VAR_REMEASUREMENT_ARRANGEMENT, arrangement));
    }

    void decided(UUID loopId, int iteration, String decision, String rationale) {
        Decision chosen;
        try {
            chosen = Decision.valueOf(decision == null ? "" : decision);
        } catch (IllegalArgumentException e) {
            throw new TaskInputException(
                    ProcessIds.VAR_DECISION,
                    "must be one of "
                            + Arrays.stream(Decision.values())
                                    .map(Decision::name)
                                    .collect(Collectors.joining(", ")) + ", got '" + decision + "'");
        }
        requireText(ProcessIds.VAR_RATIONALE, rationale);
        load(loopId).iteration(iteration).decide(chosen, rationale);
        completed(
                loopId,
                iteration,
                ProcessIds.TASK_DECIDE,
                Map.of(ProcessIds.VAR_DECISION, chosen.name(), ProcessIds.VAR_RATIONALE, rationale));
    }

    /** The one who completed a task is the authenticated user (Tasklist session or HTTP Basic). */
    private void completed(UUID loopId, int iteration, String taskKey, Map<String, ?> submitted) {
        timeline.record(
                loopId,
                iteration,
                TimelineType.TASK_COMPLETED,
                directory.currentActor(),
                null,
                Map.of("task", taskKey, "submitted", submitted));
    }

    private String actorOr(String fallback) {
        String current = directory.currentActor();
        return current != null ? current : fallback;
    }

    private Loop load(UUID loopId) {
        return loops.findById(loopId).orElseThrow(() -> new IllegalStateException("no loop " + loopId));
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new TaskInputException(field, "is required");
        }
    }
}
