package org.podloop.loop;

import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.podloop.classification.Classification;
import org.podloop.classification.ClassificationService;
import org.podloop.classification.FindingView;
import org.podloop.classification.RecommendedIntervention;
import org.podloop.classification.Verification;
import org.podloop.identity.Directory;
import org.podloop.rules.Intervention;
import org.podloop.signal.SignalService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What each step of the BPMN loop does to the domain. Delegates and task listeners only translate
 * process variables into these calls, so the steps can be read (and tested) without the engine.
 */
@Component
class LoopSteps {

    private final Loops loops;
    private final Timeline timeline;
    private final ClassificationService classification;
    private final SignalService signals;
    private final Directory directory;
    private final Clock clock;
    private final TrackRecord trackRecord;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<Remeasurements> remeasurements;
    private final FindingSentences sentences;

    LoopSteps(
            Loops loops,
            Timeline timeline,
            ClassificationService classification,
            SignalService signals,
            Directory directory,
            Clock clock,
            TrackRecord trackRecord,
            ApplicationEventPublisher events,
            ObjectProvider<Remeasurements> remeasurements,
            FindingSentences sentences) {
        this.loops = loops;
        this.timeline = timeline;
        this.classification = classification;
        this.signals = signals;
        this.directory = directory;
        this.clock = clock;
        this.trackRecord = trackRecord;
        this.events = events;
        this.remeasurements = remeasurements;
        this.sentences = sentences;
    }

    record IterationStart(String findingSummary, String recommendationSummary, String recommendationsJson) {}

    record VerificationStep(Verification verification, boolean iterationsExhausted, String summary) {}

    /** The iteration a process instance runs, if it is a loop iteration's. */
    Optional<LoopIteration> iterationRunBy(String processInstanceId) {
        return loops.findIterationByProcessInstanceId(processInstanceId);
    }

    /**
     * Starts the loop's next iteration: its number and baseline come from the loop (the first works on the
     * snapshot that opened it, each later one on the last re-measure), never from process variables.
     */
    IterationStart startIteration(UUID loopId, String processInstanceId, String processDefinitionId) {
        Loop loop = load(loopId);
        int number = nextIterationNumber(loopId);
        UUID baselineSnapshotId = number == 1 ? loop.triggerSnapshotId() : nextBaseline(loopId);
        UUID findingsFrom = baselineSnapshotId;
        List<FindingView> findings = findingsOf(baselineSnapshotId);
        if (findings.isEmpty()) {
            // The re-measure that ended the last iteration may sit just under every threshold; the loop still
            // works on what opened it.
            findingsFrom = loop.triggerSnapshotId();
            findings = findingsOf(findingsFrom);
        }
        loop.startIteration(
                number,
                baselineSnapshotId,
                processInstanceId,
                findings.stream().map(FindingView::pattern).toList(),
                clock.instant());
        List<RecommendedIntervention> recommended =
                classification.recommend(findings, loop.triedInterventions(), trackRecord.elsewhere(loop.teamKey()));
        timeline.record(
                loopId,
                number,
                TimelineType.ITERATION_STARTED,
                directory.currentActor(),
                baselineSnapshotId,
                Map.of(
                        "baselineSnapshotId",
                        baselineSnapshotId,
                        "processInstanceId",
                        processInstanceId,
                        "processDefinition",
                        processDefinitionId,
                        "findings",
                        findings.stream()
                                .map(f -> f.pattern() + " " + f.severity())
                                .toList(),
                        "recommended",
                        recommended.stream()
                                .map(RecommendedIntervention::interventionId)
                                .toList()));
        List<Map<String, Object>> compact = recommended.stream()
                .map(r -> Map.<String, Object>of(
                        "rank",
                        r.rank(),
                        "interventionId",
                        r.interventionId(),
                        "title",
                        r.title(),
                        "pattern",
                        r.pattern(),
                        "timeBox",
                        r.timeBox().toString(),
                        "reason",
                        r.reason()))
                .toList();
        return new IterationStart(
                sentences.text(loop.teamKey(), findings, findingsFrom),
                describeRecommendations(recommended),
                timeline.write(compact));
    }

    /** Extends the time-box by the intervention's time-box; returns the new end. */
    Date extendTimeBox(UUID loopId, Date due) {
        LoopIteration iteration = load(loopId).current();
        iteration.extend();
        Intervention intervention =
                classification.intervention(iteration.interventionId()).orElseThrow();
        Date extendedDue = Date.from(due.toInstant().plus(intervention.timeBox()));
        timeline.record(
                loopId,
                iteration.number(),
                TimelineType.TIME_BOX_EXTENDED,
                null,
                null,
                Map.of(
                        "from",
                        due.toInstant().toString(),
                        "to",
                        extendedDue.toInstant().toString()));
        return extendedDue;
    }

    void reminded(UUID loopId, String reminderActivity) {
        timeline.record(
                loopId,
                load(loopId).current().number(),
                TimelineType.REMINDER_SENT,
                null,
                null,
                Map.of("reminder", reminderActivity));
    }

    /**
     * The intervention has ended (its run task was completed, or its time-box passed while it runs): the
     * team is asked to measure itself again, and the timeline says by which round, or why there is none
     * (then a posted snapshot re-measures, as before).
     */
    void interventionEnded(UUID loopId, boolean timeBoxPassed) {
        Loop loop = load(loopId);
        Remeasurements source = remeasurements.getIfAvailable();
        Remeasurements.Remeasurement round = source == null
                ? Remeasurements.Remeasurement.unavailable("Podloop has no pulse to open a round with")
                : source.request(loop.teamKey());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("when", timeBoxPassed ? "TIME_BOX_PASSED" : "RUN_COMPLETED");
        if (round.roundId() == null) {
            detail.put("unavailable", round.unavailable());
        } else {
            detail.put("pulseRoundId", round.roundId().toString());
            detail.put("closesAt", round.closesAt().toString());
            detail.put("alreadyOpen", round.alreadyOpen());
        }
        timeline.record(loopId, loop.current().number(), TimelineType.REMEASUREMENT_REQUESTED, null, null, detail);
    }

    /** The assistant is asked for its brief or debrief; a worker may take it once this commits. */
    void assistantAsked(UUID loopId, String topic, String processInstanceId) {
        events.publishEvent(new AssistantWorkRequested(topic, loopId, processInstanceId));
    }

    /**
     * The assistant wrote its brief or debrief: on the timeline (and so in the audit) with actor
     * {@code assistant}, the worker that wrote it, the hash of what it was given and the text itself.
     */
    void assistantWrote(UUID loopId, boolean brief, String worker, String promptHash, String text) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("worker", worker == null ? "unnamed worker" : worker);
        // who completed the task, as the engine authenticated it (a worker names itself; this it cannot choose)
        String by = directory.currentActor();
        detail.put("completedBy", by == null ? "Podloop" : by);
        if (promptHash != null) {
            detail.put("promptHash", promptHash);
        }
        detail.put("text", text == null ? "" : text);
        timeline.record(
                loopId,
                load(loopId).current().number(),
                brief ? TimelineType.ASSISTANT_BRIEF_WRITTEN : TimelineType.ASSISTANT_DEBRIEF_WRITTEN,
                ProcessIds.ASSISTANT_ACTOR,
                null,
                detail);
    }

    /** The assistant failed or did not answer in time: the iteration goes on without it. */
    void assistantMissing(UUID loopId, String activity) {
        boolean brief = ProcessIds.TASK_NOTE_BRIEF_MISSING.equals(activity);
        timeline.record(
                loopId,
                load(loopId).current().number(),
                TimelineType.ASSISTANT_DID_NOT_ANSWER,
                null,
                null,
                Map.of(
                        "work",
                        brief ? "brief" : "debrief",
                        "notice",
                        brief
                                ? "the assistant wrote no brief (it failed or did not answer in time); the pod chooses without it"
                                : "the assistant wrote no debrief (it failed or did not answer in time); governance decides without it"));
    }

    /** The re-measurement is overdue: a notice on the loop; the process asks the pod to arrange it. */
    void remeasurementOverdue(UUID loopId) {
        timeline.record(
                loopId,
                load(loopId).current().number(),
                TimelineType.REMEASUREMENT_OVERDUE,
                null,
                null,
                Map.of("notice", "no re-measurement arrived; the pod is asked to arrange one"));
    }

    VerificationStep verify(UUID loopId) {
        Loop loop = load(loopId);
        LoopIteration iteration = loop.current();
        Verification verification = classification.verify(
                iteration.interventionId(),
                signals.snapshot(iteration.baselineSnapshotId()),
                signals.snapshot(iteration.remeasureSnapshotId()));
        iteration.recordVerification(verification.outcome().name(), timeline.write(verification));
        timeline.record(
                loopId,
                iteration.number(),
                TimelineType.VERIFIED,
                null,
                iteration.remeasureSnapshotId(),
                Map.of(
                        "outcome",
                        verification.outcome(),
                        "reasons",
                        verification.reasons(),
                        "rulesetVersion",
                        verification.rulesetVersion(),
                        "rules",
                        verification.rules().stream().map(r -> r.name()).toList()));
        // In this transaction: the track record the next recommendations read commits with the verification.
        events.publishEvent(new IterationVerified(new VerifiedIteration(
                iteration.id(),
                loopId,
                loop.teamKey(),
                iteration.number(),
                iteration.interventionId(),
                iteration.patterns(),
                findingsOf(iteration.remeasureSnapshotId()).stream()
                        .map(FindingView::pattern)
                        .toList(),
                verification.outcome(),
                verification.effects())));
        String summary = verification.outcome() + "\n" + String.join("\n", verification.reasons()) + "\n(ruleset "
                + verification.rulesetVersion() + ")";
        return new VerificationStep(verification, loop.iterationsExhausted(), summary);
    }

    Decision endIteration(UUID loopId) {
        LoopIteration iteration = load(loopId).current();
        Decision next = iteration.end(clock.instant());
        timeline.record(
                loopId,
                iteration.number(),
                TimelineType.ITERATION_ENDED,
                null,
                null,
                Map.of("verificationOutcome", iteration.verificationOutcome(), "next", next.name()));
        return next;
    }

    int nextIterationNumber(UUID loopId) {
        return load(loopId).iterations().size() + 1;
    }

    /** The next iteration starts from the last re-measure: that is the team's current state. */
    UUID nextBaseline(UUID loopId) {
        return load(loopId).current().remeasureSnapshotId();
    }

    void close(UUID loopId) {
        Loop loop = load(loopId);
        loop.close(clock.instant());
        timeline.record(
                loopId,
                null,
                TimelineType.LOOP_CLOSED,
                null,
                null,
                Map.of("status", loop.status().name()));
    }

    void escalate(UUID loopId) {
        Loop loop = load(loopId);
        loop.escalate(clock.instant());
        timeline.record(
                loopId,
                null,
                TimelineType.LOOP_ESCALATED,
                null,
                null,
                Map.of("status", loop.status().name()));
    }

    private List<FindingView> findingsOf(UUID snapshotId) {
        return classification
                .classificationOf(snapshotId)
                .map(Classification::findings)
                .orElse(List.of());
    }

    private Loop load(UUID loopId) {
        return loops.findById(loopId).orElseThrow(() -> new IllegalStateException("no loop " + loopId));
    }

    private static String describeRecommendations(List<RecommendedIntervention> recommended) {
        return recommended.stream()
                .map(r -> r.rank() + ". " + r.title() + " (" + PlainWords.duration(r.timeBox()) + "): "
                        + PlainWords.reason(r.reason()) + " [" + r.interventionId() + "]")
                .collect(Collectors.joining("\n"));
    }
}
