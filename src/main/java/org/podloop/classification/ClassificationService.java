package org.podloop.classification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.podloop.common.InvalidInputException;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.Intervention;
import org.podloop.rules.Ruleset;
import org.podloop.signal.SignalService;
import org.podloop.signal.SnapshotView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The classification module's public face: classify, recommend, verify with the serving ruleset. */
@Service
public class ClassificationService {

    /** How many earlier snapshots the trend rules see. */
    private static final int TREND_SNAPSHOTS = 3;

    private final ActiveRuleset rulesets;
    private final Classifications classifications;
    private final SignalService signals;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final Timer classificationTime;

    ClassificationService(
            ActiveRuleset rulesets,
            Classifications classifications,
            SignalService signals,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock,
            MeterRegistry meters) {
        this.rulesets = rulesets;
        this.classifications = classifications;
        this.signals = signals;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.classificationTime = Timer.builder("podloop.classification")
                .description("time to classify one snapshot")
                .register(meters);
    }

    /** Classifies a snapshot with the active ruleset and stores the verdict with that ruleset's version. */
    @Transactional
    public Classification classify(SnapshotView snapshot) {
        return classificationTime.record(
                () -> rulesets.withCurrent(ruleset -> store(snapshot, ruleset, trend(snapshot))));
    }

    /**
     * Classifies new snapshots of one team (an import's) as {@link #classify} does each, reading the team's
     * earlier snapshots for all of them in two queries instead of one per snapshot: each still sees the
     * {@value #TREND_SNAPSHOTS} snapshots measured before it, those of the same import among them (in the
     * order of time, not of the file).
     */
    @Transactional
    public void classifyAll(String teamKey, List<SnapshotView> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        Instant earliest = snapshots.stream()
                .map(SnapshotView::measuredAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant latest = snapshots.stream()
                .map(SnapshotView::measuredAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        // what is stored, and the import's own snapshots, which a bulk write has not flushed yet
        Map<UUID, SnapshotView> byId = new HashMap<>();
        Stream.of(
                        signals.history(teamKey, earliest, TREND_SNAPSHOTS),
                        signals.between(teamKey, earliest, latest),
                        snapshots)
                .flatMap(List::stream)
                .forEach(snapshot -> byId.put(snapshot.id(), snapshot));
        List<SnapshotView> known = new ArrayList<>(byId.values());
        known.sort(Comparator.comparing(SnapshotView::measuredAt).reversed());
        rulesets.withCurrent(ruleset -> {
            for (SnapshotView snapshot : snapshots) {
                List<SnapshotView> before = known.stream()
                        .filter(earlier -> earlier.measuredAt().isBefore(snapshot.measuredAt()))
                        .limit(TREND_SNAPSHOTS)
                        .toList();
                classificationTime.record(() -> store(snapshot, ruleset, signalsOf(before)));
            }
            return null;
        });
    }

    private Classification store(SnapshotView snapshot, Ruleset ruleset, List<Map<String, Double>> history) {
        List<FindingView> findings =
                new Judgement(ruleset).classifyMeasured(snapshot.metrics(), snapshot.respondents(), history);
        Classification classification = new Classification(snapshot.id(), ruleset.version(), clock.instant(), findings);
        classifications.save(new StoredClassification(
                snapshot.id(), snapshot.teamKey(), ruleset.version(), classification.classifiedAt(), write(findings)));
        events.publishEvent(new SignalsClassified(snapshot.id(), snapshot.teamKey(), ruleset.version(), findings));
        return classification;
    }

    /** The signals of the team's snapshots before this one, newest first: what the trend rules read. */
    private List<Map<String, Double>> trend(SnapshotView snapshot) {
        return signalsOf(signals.history(snapshot.teamKey(), snapshot.measuredAt(), TREND_SNAPSHOTS));
    }

    private static List<Map<String, Double>> signalsOf(List<SnapshotView> snapshots) {
        return snapshots.stream().map(SnapshotView::signals).toList();
    }

    /** What {@code judgement} finds in the snapshot, given the team's snapshots before it (for the trend rules). */
    List<FindingView> classify(SnapshotView snapshot, Judgement judgement) {
        return judgement.classifyMeasured(snapshot.metrics(), snapshot.respondents(), trend(snapshot));
    }

    @Transactional(readOnly = true)
    public Optional<Classification> classificationOf(UUID snapshotId) {
        return classifications
                .findById(snapshotId)
                .map(stored -> new Classification(
                        stored.snapshotId(),
                        stored.rulesetVersion(),
                        stored.classifiedAt(),
                        read(stored.findingsJson())));
    }

    /**
     * Ranks catalogue interventions for the findings, leaving out those already tried in the loop and
     * ranking first what verifiably reduced the same pattern elsewhere ({@code effects}).
     */
    public List<RecommendedIntervention> recommend(
            List<FindingView> findings, Set<String> alreadyTried, List<InterventionEffect> effects) {
        return rulesets.withCurrent(ruleset -> new Judgement(ruleset).recommend(findings, alreadyTried, effects));
    }

    /** Compares baseline and re-measure on the metrics the intervention targets. */
    public Verification verify(String interventionId, SnapshotView baseline, SnapshotView remeasure) {
        return rulesets.withCurrent(ruleset -> {
            Intervention intervention = ruleset.intervention(interventionId)
                    .orElseThrow(() -> new InvalidInputException(
                            "interventionId", "unknown intervention '" + interventionId + "'"));
            return new Judgement(ruleset).verify(intervention, baseline.metrics(), remeasure.metrics());
        });
    }

    /**
     * The change of each metric the intervention targets, as {@link #verify} reports it; empty when the
     * catalogue no longer knows the intervention. For iterations verified before effects were stored.
     */
    public List<MetricEffect> effects(String interventionId, SnapshotView baseline, SnapshotView remeasure) {
        return rulesets.withCurrent(ruleset -> ruleset.intervention(interventionId)
                .map(intervention ->
                        new Judgement(ruleset).effects(intervention, baseline.metrics(), remeasure.metrics()))
                .orElse(List.of()));
    }

    // The catalogue and version as the rules module serves them, for the modules that judge through this one.

    public List<Intervention> interventions() {
        return rulesets.interventions();
    }

    public Optional<Intervention> intervention(String id) {
        return rulesets.intervention(id);
    }

    public String activeVersion() {
        return rulesets.version();
    }

    private String write(List<FindingView> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings are plain records and always serialise", e);
        }
    }

    private List<FindingView> read(String findings) {
        try {
            return json.readValue(findings, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored findings are unreadable", e);
        }
    }
}
