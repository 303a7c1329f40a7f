package org.podloop.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.podloop.classification.Classification;
import org.podloop.classification.ClassificationService;
import org.podloop.classification.FindingView;
import org.podloop.classification.MetricEffect;
import org.podloop.classification.Verification;
import org.podloop.common.InvalidInputException;
import org.podloop.common.NotFoundException;
import org.podloop.common.Paging;
import org.podloop.identity.Directory;
import org.podloop.loop.internal.LoopEngine;
import org.podloop.signal.SignalService;
import org.podloop.signal.SnapshotView;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The loop module's public face: what a classified snapshot does to a team's loop, and reading loops. */
@Service
public class LoopService {

    private final Loops loops;
    private final TimelineEntries entries;
    private final Timeline timeline;
    private final LoopEngine engine;
    private final ClassificationService classification;
    private final SignalService signals;
    private final Directory directory;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxIterations;

    LoopService(
            Loops loops,
            TimelineEntries entries,
            Timeline timeline,
            LoopEngine engine,
            ClassificationService classification,
            SignalService signals,
            Directory directory,
            ObjectMapper json,
            Clock clock,
            LoopProperties properties) {
        this.signals = signals;
        this.loops = loops;
        this.entries = entries;
        this.timeline = timeline;
        this.engine = engine;
        this.classification = classification;
        this.directory = directory;
        this.json = json;
        this.clock = clock;
        this.maxIterations = properties.maxIterations();
    }

    /**
     * A team's snapshot was classified. With a loop open: it is the loop's re-measurement when an
     * iteration waits for one, else it joins the loop's timeline. Without: findings open a loop.
     */
    @Transactional
    public Optional<LoopRef> onSnapshotClassified(SnapshotView snapshot, Classification result) {
        String actor = directory.currentActor();
        Map<String, Object> detail = Map.of(
                "externalId",
                snapshot.externalId(),
                "rulesetVersion",
                result.rulesetVersion(),
                "findings",
                result.findings().stream()
                        .map(f -> f.pattern() + " " + f.severity())
                        .toList());
        Optional<Loop> open = loops.findByOpenTeamKey(snapshot.teamKey());
        if (open.isPresent()) {
            Loop loop = open.get();
            if (engine.awaitsRemeasurement(loop.id())) {
                LoopIteration iteration = loop.current();
                iteration.recordRemeasurement(snapshot.id());
                timeline.record(
                        loop.id(),
                        iteration.number(),
                        TimelineType.REMEASUREMENT_RECEIVED,
                        actor,
                        snapshot.id(),
                        detail);
                engine.correlateRemeasurement(loop.id(), snapshot.id());
            } else {
                timeline.record(
                        loop.id(),
                        loop.current() == null ? null : loop.current().number(),
                        TimelineType.SNAPSHOT_ATTACHED,
                        actor,
                        snapshot.id(),
                        detail);
            }
            return Optional.of(loop.ref());
        }
        if (result.findings().isEmpty()) {
            return Optional.empty();
        }
        Loop loop = loops.saveAndFlush(Loop.open(snapshot.teamKey(), snapshot.id(), maxIterations, clock.instant()));
        String definition = engine.latestLoopDefinition();
        Map<String, Object> opened = new LinkedHashMap<>(detail);
        opened.put("processDefinition", definition);
        timeline.record(loop.id(), null, TimelineType.LOOP_OPENED, actor, snapshot.id(), opened);
        engine.startLoop(definition, loop.id(), snapshot.teamKey(), snapshot.id());
        return Optional.of(loop.ref());
    }

    /** The loop a snapshot opened or joined, for answering a repeated post with the same result. */
    @Transactional(readOnly = true)
    public Optional<LoopRef> loopOfSnapshot(UUID snapshotId) {
        return entries.findFirstBySnapshotIdOrderByIdAsc(snapshotId)
                .flatMap(entry -> loops.findById(entry.loopId()))
                .map(Loop::ref);
    }

    /**
     * The team a loop belongs to, or null for no such loop; in the caller's transaction, where the loop a
     * step was just recorded for is at hand already.
     */
    public String teamOf(UUID loopId) {
        return loops.findById(loopId).map(Loop::teamKey).orElse(null);
    }

    @Transactional(readOnly = true)
    public LoopView loop(UUID id) {
        Loop loop = loops.findById(id).orElseThrow(() -> new NotFoundException("no loop " + id));
        List<LoopView.Iteration> iterations =
                loop.iterations().stream().map(this::view).toList();
        List<LoopView.Step> steps = entries.findByLoopIdOrderByIdAsc(id).stream()
                .map(e ->
                        new LoopView.Step(e.at(), e.type(), e.iteration(), e.actor(), e.snapshotId(), tree(e.detail())))
                .toList();
        return new LoopView(
                loop.id(),
                loop.teamKey(),
                loop.status(),
                loop.openedAt(),
                loop.endedAt(),
                loop.maxIterations(),
                iterations,
                steps);
    }

    @Transactional(readOnly = true)
    public long countByStatus(LoopStatus status) {
        return loops.countByStatus(status);
    }
    /** Loops matching every given criterion, newest first. */
    @Transactional(readOnly = true)
    public LoopPage loops(LoopFilter filter, int page, int size) {
        PageRequest request = Paging.of(page, size, Sort.by(Sort.Direction.DESC, "openedAt"));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidInputException("to", "must be after from");
        }
        var found = loops.findAll(filter.specification(), request);
        return new LoopPage(
                found.getContent().stream().map(LoopSummary::of).toList(), page, size, found.getTotalElements());
    }

    private LoopView.Iteration view(LoopIteration it) {
        List<FindingView> baseline = classification
                .classificationOf(it.baselineSnapshotId())
                .map(Classification::findings)
                .orElse(List.of());
        Verification verification =
                it.verificationJson() == null ? null : read(it.verificationJson(), Verification.class);
        return new LoopView.Iteration(
                it.number(),
                it.startedAt(),
                it.endedAt(),
                it.baselineSnapshotId(),
                baseline,
                it.interventionId(),
                it.remeasureSnapshotId(),
                verification,
                it.decision(),
                it.rationale());
    }

    private JsonNode tree(String detail) {
        return read(detail, JsonNode.class);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored loop data is unreadable", e);
        }
    }

    /**
     * Every iteration whose outcome was verified, as {@link IterationVerified} announced it, for rebuilding
     * governance's figures from history. Iterations verified before the per-metric effects were stored get
     * them recomputed from their two snapshots.
     */
    @Transactional(readOnly = true)
    public List<VerifiedIteration> verifiedIterations() {
        return loops.findVerifiedIterations().stream().map(this::verified).toList();
    }

    @Transactional(readOnly = true)
    public long countVerifiedIterations() {
        return loops.countVerifiedIterations();
    }

    private VerifiedIteration verified(LoopIteration it) {
        Verification verification = read(it.verificationJson(), Verification.class);
        // (copies of iterations, as the benchmark's history makes, may lack the re-measure snapshot)
        UUID remeasure = it.remeasureSnapshotId();
        List<MetricEffect> effects = verification.effects() != null
                ? verification.effects()
                : remeasure == null
                        ? List.of()
                        : classification.effects(
                                it.interventionId(),
                                signals.snapshot(it.baselineSnapshotId()),
                                signals.snapshot(remeasure));
        List<String> stillFound = remeasure == null
                ? List.of()
                : classification
                        .classificationOf(remeasure)
                        .map(c ->
                                c.findings().stream().map(FindingView::pattern).toList())
                        .orElse(List.of());
        return new VerifiedIteration(
                it.id(),
                it.loop().id(),
                it.loop().teamKey(),
                it.number(),
                it.interventionId(),
                it.patterns(),
                stillFound,
                verification.outcome(),
                effects);
    }
}
