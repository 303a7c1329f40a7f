package org.podloop.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.podloop.classification.ClassificationService;
import org.podloop.classification.InterventionEffect;
import org.podloop.classification.Verification;
import org.podloop.common.ForbiddenException;
import org.podloop.common.NotFoundException;
import org.podloop.identity.Directory;
import org.podloop.loop.internal.LoopEngine;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.Intervention;
import org.podloop.rules.Metric;
import org.podloop.rules.MetricCatalogue;
import org.podloop.signal.MetricValue;
import org.podloop.signal.SignalService;
import org.podloop.signal.SnapshotView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's loop tasks in plain language: which are open for her, and what each one shows and asks
 * (findings as sentences in the metrics' own names and units, the ranked options, the evidence for a
 * decision). No ids or hashes for the pod: those stay in the governance record.
 */
@Service
public class PodTasks {

    /** What a loop task asks of its people. */
    public enum TaskKind {
        CHOOSE,
        RUN,
        ARRANGE_REMEASUREMENT,
        DECIDE;

        static Optional<TaskKind> of(String taskDefinitionKey) {
            return Optional.ofNullable(
                    switch (taskDefinitionKey) {
                        case ProcessIds.TASK_CHOOSE_INTERVENTION -> CHOOSE;
                        case ProcessIds.TASK_RUN_INTERVENTION -> RUN;
                        case ProcessIds.TASK_REQUEST_REMEASUREMENT -> ARRANGE_REMEASUREMENT;
                        case ProcessIds.TASK_DECIDE -> DECIDE;
                        default -> null;
                    });
        }
    }

    /** An open task as the start page lists it. */
    public record OpenTask(String taskId, TaskKind kind, String title, String team, Instant due, String page) {}

    /**
     * An open task as a nudge tells of it: who it is offered to (its assignee, else the members of its
     * candidate groups), what it asks and by when, and its page.
     */
    public record TaskNotice(
            String taskId,
            TaskKind kind,
            String title,
            String team,
            UUID loopId,
            Instant due,
            String page,
            String assignee,
            List<String> candidateGroups) {}

    /** One finding as a sentence, with the measured values behind it. */
    public record FindingLine(String severity, String sentence, List<String> values) {}

    /** An option the pod may choose, best first. */
    public record Option(
            String interventionId,
            int rank,
            String title,
            String why,
            String timeBox,
            List<String> steps,
            String participants,
            String elsewhere) {}

    /** How one targeted metric moved over the iteration, in its own unit, with its noise. */
    public record Change(String metric, String before, String after, String noise) {}

    /** Everything a task page shows. */
    public record TaskForm(
            String taskId,
            TaskKind kind,
            String title,
            String team,
            Instant due,
            int iteration,
            List<FindingLine> findings,
            List<Option> options,
            Intervention intervention,
            String podNotes,
            boolean mayExtend,
            String timeBox,
            String outcome,
            List<String> reasons,
            List<Change> changes,
            List<FindingLine> stillPresent,
            String next,
            String assistantDraft,
            String assistantWorker) {}

    private final LoopEngine engine;
    private final FindingSentences sentences;
    private final Loops loops;
    private final LoopService loopService;
    private final ClassificationService classification;
    private final SignalService signals;
    private final ActiveRuleset rules;
    private final TrackRecord trackRecord;
    private final Directory directory;
    private final ObjectMapper json;

    PodTasks(
            LoopEngine engine,
            FindingSentences sentences,
            Loops loops,
            LoopService loopService,
            ClassificationService classification,
            SignalService signals,
            ActiveRuleset rules,
            TrackRecord trackRecord,
            Directory directory,
            ObjectMapper json) {
        this.engine = engine;
        this.sentences = sentences;
        this.loops = loops;
        this.loopService = loopService;
        this.classification = classification;
        this.signals = signals;
        this.rules = rules;
        this.trackRecord = trackRecord;
        this.directory = directory;
        this.json = json;
    }

    /** The signed-in person's open loop tasks, soonest due first. */
    @Transactional(readOnly = true)
    public List<OpenTask> mine() {
        String user = directory.currentUser();
        if (user == null) {
            return List.of();
        }
        List<OpenTask> open = new ArrayList<>();
        for (Task task : engine.openTasksFor(user, directory.groupsOf(user))) {
            iterationOf(task)
                    .ifPresent(iteration -> TaskKind.of(task.getTaskDefinitionKey())
                            .ifPresent(kind -> open.add(new OpenTask(
                                    task.getId(),
                                    kind,
                                    title(kind, iteration),
                                    iteration.loop().teamKey(),
                                    task.getDueDate() == null
                                            ? null
                                            : task.getDueDate().toInstant(),
                                    "/tasks/" + task.getId()))));
        }
        return open;
    }

    /** The task, while it is open, for Podloop itself to tell its people about (no caller to check). */
    @Transactional(readOnly = true)
    public Optional<TaskNotice> notice(String taskId) {
        return engine.openTask(taskId).flatMap(this::notice);
    }

    /** The open tasks of the loop's current iteration, for a reminder. */
    @Transactional(readOnly = true)
    public List<TaskNotice> openTasksOfLoop(UUID loopId) {
        return loops.findById(loopId)
                .filter(loop -> !loop.iterations().isEmpty())
                .map(loop -> engine.openTasksOfInstance(loop.current().processInstanceId()).stream()
                        .map(this::notice)
                        .flatMap(Optional::stream)
                        .toList())
                .orElse(List.of());
    }

    private Optional<TaskNotice> notice(Task task) {
        return iterationOf(task)
                .flatMap(iteration -> TaskKind.of(task.getTaskDefinitionKey())
                        .map(kind -> new TaskNotice(
                                task.getId(),
                                kind,
                                title(kind, iteration),
                                iteration.loop().teamKey(),
                                iteration.loop().id(),
                                task.getDueDate() == null
                                        ? null
                                        : task.getDueDate().toInstant(),
                                "/tasks/" + task.getId(),
                                task.getAssignee(),
                                engine.candidateGroupsOf(task.getId()))));
    }

    /** What the task page shows; refuses a task that is not offered to the signed-in person. */
    @Transactional(readOnly = true)
    public TaskForm form(String taskId) {
        Task task = offered(taskId);
        LoopIteration iteration = iterationOf(task).orElseThrow(() -> noTask(taskId));
        TaskKind kind = TaskKind.of(task.getTaskDefinitionKey()).orElseThrow(() -> noTask(taskId));
        return formOf(
                iteration,
                kind,
                taskId,
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                engine.variable(taskId, ProcessIds.VAR_RECOMMENDATIONS),
                true);
    }

    /**
     * What the pod will see on its choose task ({@code CHOOSE}) or governance on its decision
     * ({@code DECIDE}), for the iteration a process instance runs, before the task exists: what the
     * assistant writes its brief and debrief from. Team-level facts only.
     */
    @Transactional(readOnly = true)
    public Optional<TaskForm> factsFor(String processInstanceId, TaskKind kind) {
        return loops.findIterationByProcessInstanceId(processInstanceId)
                .map(iteration -> formOf(
                        iteration,
                        kind,
                        null,
                        null,
                        engine.instanceVariable(processInstanceId, ProcessIds.VAR_RECOMMENDATIONS),
                        false));
    }

    private TaskForm formOf(
            LoopIteration iteration,
            TaskKind kind,
            String taskId,
            Instant due,
            Object recommendations,
            boolean withDraft) {
        String team = iteration.loop().teamKey();
        Intervention intervention = iteration.interventionId() == null
                ? null
                : classification.intervention(iteration.interventionId()).orElse(null);
        LoopView loop = loopService.loop(iteration.loop().id());
        LoopView.Iteration view = loop.iterations().get(iteration.number() - 1);
        Verification verification = view.verification();
        return new TaskForm(
                taskId,
                kind,
                title(kind, iteration),
                team,
                due,
                iteration.number(),
                sentences.of(team, view.baselineFindings(), view.baselineSnapshotId()),
                kind == TaskKind.CHOOSE ? options(recommendations, team) : List.of(),
                intervention,
                podNotes(loop, iteration.number()),
                kind == TaskKind.RUN && !iteration.extended(),
                intervention == null ? null : PlainWords.duration(intervention.timeBox()),
                verification == null ? null : outcome(verification),
                verification == null ? List.of() : verification.reasons(),
                kind == TaskKind.DECIDE ? changes(intervention, view) : List.of(),
                view.remeasureSnapshotId() == null
                        ? List.of()
                        : classification
                                .classificationOf(view.remeasureSnapshotId())
                                .map(result -> sentences.of(team, result.findings(), view.remeasureSnapshotId()))
                                .orElse(List.of()),
                next(kind),
                withDraft ? draftOf(loop, iteration.number(), kind, "text") : null,
                withDraft ? draftOf(loop, iteration.number(), kind, "worker") : null);
    }

    /**
     * The assistant's draft for the task as the timeline (and the audit) recorded it — not the process
     * variable, which another completion could have overwritten.
     */
    private static String draftOf(LoopView loop, int iteration, TaskKind kind, String field) {
        TimelineType written = kind == TaskKind.CHOOSE
                ? TimelineType.ASSISTANT_BRIEF_WRITTEN
                : kind == TaskKind.DECIDE ? TimelineType.ASSISTANT_DEBRIEF_WRITTEN : null;
        return written == null
                ? null
                : loop.timeline().stream()
                        .filter(step -> step.type() == written
                                && Integer.valueOf(iteration).equals(step.iteration()))
                        .reduce((first, later) -> later)
                        .map(step -> step.detail().path(field).asText(null))
                        .orElse(null);
    }

    /** Completes the task as the signed-in person; what she submitted is checked as in the Tasklist. */
    public void complete(String taskId, Map<String, Object> variables) {
        offered(taskId);
        engine.complete(taskId, variables);
    }

    private Task offered(String taskId) {
        Task task = engine.openTask(taskId).orElseThrow(() -> noTask(taskId));
        String user = directory.currentUser();
        List<String> groups = user == null ? List.of() : directory.groupsOf(user);
        boolean mine = user != null && user.equals(task.getAssignee());
        if (!mine && engine.candidateGroupsOf(taskId).stream().noneMatch(groups::contains)) {
            throw new ForbiddenException("this task is not offered to you");
        }
        return task;
    }

    private Optional<LoopIteration> iterationOf(Task task) {
        return loops.findIterationByProcessInstanceId(task.getProcessInstanceId());
    }

    private String title(TaskKind kind, LoopIteration iteration) {
        String team = iteration.loop().teamKey();
        return switch (kind) {
            case CHOOSE -> "Choose an intervention for team " + team;
            case RUN ->
                "Run “"
                        + classification
                                .intervention(iteration.interventionId())
                                .map(Intervention::title)
                                .orElse("the chosen intervention")
                        + "” with team " + team;
            case ARRANGE_REMEASUREMENT -> "Arrange the re-measurement of team " + team;
            case DECIDE -> "Decide on the loop of team " + team;
        };
    }

    /** The ranked recommendations of the iteration (one per intervention, best rank), as options. */
    private List<Option> options(Object stored, String team) {
        if (stored == null) {
            return List.of();
        }
        JsonNode ranked;
        try {
            ranked = json.readTree(stored.toString());
        } catch (Exception unreadable) {
            return List.of();
        }
        List<InterventionEffect> effects = trackRecord.elsewhere(team);
        Map<String, Option> options = new LinkedHashMap<>();
        Map<String, List<String>> patterns = new LinkedHashMap<>();
        for (JsonNode entry : ranked) {
            String id = entry.path("interventionId").asText();
            Optional<Intervention> intervention = classification.intervention(id);
            if (intervention.isEmpty()) {
                continue;
            }
            String pattern =
                    PlainWords.pattern(entry.path("pattern").asText("")).toLowerCase(Locale.ROOT);
            patterns.computeIfAbsent(id, key -> new ArrayList<>()).add(pattern);
            if (options.containsKey(id)) {
                continue;
            }
            Intervention known = intervention.get();
            options.put(
                    id,
                    new Option(
                            id,
                            options.size() + 1,
                            known.title(),
                            PlainWords.reason(entry.path("reason").asText()),
                            PlainWords.duration(known.timeBox()),
                            known.steps(),
                            known.participants(),
                            elsewhere(effects, id)));
        }
        // an intervention recommended for several findings says so once, under its best rank
        options.replaceAll((id, option) -> {
            List<String> also = patterns.get(id).stream().distinct().skip(1).toList();
            return also.isEmpty()
                    ? option
                    : new Option(
                            option.interventionId(),
                            option.rank(),
                            option.title(),
                            option.why() + " It also addresses " + String.join(" and ", also) + ".",
                            option.timeBox(),
                            option.steps(),
                            option.participants(),
                            option.elsewhere());
        });
        return List.copyOf(options.values());
    }

    private static String elsewhere(List<InterventionEffect> effects, String interventionId) {
        int verified = 0;
        int reduced = 0;
        for (InterventionEffect effect : effects) {
            if (effect.interventionId().equals(interventionId)) {
                verified += effect.verified();
                reduced += effect.reduced();
            }
        }
        if (verified == 0) {
            return "Not yet verified in another team.";
        }
        return "Verifiably reduced friction in " + reduced + " of " + verified + " verified runs in other teams.";
    }

    /** What the pod wrote when it completed the run (its last report, after any extension). */
    private static String podNotes(LoopView loop, int iteration) {
        String notes = null;
        for (LoopView.Step step : loop.timeline()) {
            if (step.type() == TimelineType.TASK_COMPLETED
                    && Integer.valueOf(iteration).equals(step.iteration())
                    && ProcessIds.TASK_RUN_INTERVENTION.equals(
                            step.detail().path("task").asText())) {
                notes = step.detail()
                        .path("submitted")
                        .path(ProcessIds.VAR_OUTCOME_NOTES)
                        .asText(null);
            }
        }
        return notes;
    }

    private List<Change> changes(Intervention intervention, LoopView.Iteration view) {
        if (intervention == null || view.remeasureSnapshotId() == null) {
            return List.of();
        }
        MetricCatalogue catalogue = rules.metrics();
        SnapshotView before = signals.snapshot(view.baselineSnapshotId());
        SnapshotView after = signals.snapshot(view.remeasureSnapshotId());
        return intervention.metrics().stream()
                .map(metric -> {
                    MetricValue from = before.metrics().get(metric);
                    MetricValue to = after.metrics().get(metric);
                    return new Change(
                            catalogue.find(metric).map(Metric::title).orElse(metric),
                            PlainWords.measured(catalogue, metric, from),
                            PlainWords.measured(catalogue, metric, to),
                            PlainWords.noise(catalogue, metric, from, to));
                })
                .toList();
    }

    private static String outcome(Verification verification) {
        return switch (verification.outcome()) {
            case REDUCED -> "Friction verifiably dropped";
            case NOT_REDUCED -> "Friction did not drop";
            case WORSENED -> "Friction got worse";
            case INCONCLUSIVE -> "The measurements cannot tell";
        };
    }

    private static String next(TaskKind kind) {
        return switch (kind) {
            case CHOOSE ->
                "When you choose, the intervention's time-box starts and your pod gets the task to run it with the team.";
            case RUN ->
                "When you complete this task, Podloop opens a pulse round for the team to measure itself again;"
                        + " its result shows whether friction really dropped. Need more time? Ask once for one more"
                        + " time-box instead.";
            case ARRANGE_REMEASUREMENT ->
                "Say how and when the team will be measured again; the loop verifies as soon as the snapshot arrives.";
            case DECIDE ->
                "Close ends the loop; Repeat starts another iteration with the pod; Escalate hands the loop to an"
                        + " organisational decision. Your rationale goes into the audited record.";
        };
    }

    private static NotFoundException noTask(String taskId) {
        return new NotFoundException("no open loop task " + taskId);
    }
}
