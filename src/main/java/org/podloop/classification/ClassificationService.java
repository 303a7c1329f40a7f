package org.podloop.classification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.podloop.common.InvalidInputException;
import org.podloop.signal.MetricCatalogue;
import org.podloop.signal.SnapshotView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The classification module's public face: classify, recommend, verify, and the intervention catalogue. */
@Service
public class ClassificationService {

    private final ActiveRuleset rulesets;
    private final Classifications classifications;
    private final MetricCatalogue metrics;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    ClassificationService(ActiveRuleset rulesets, Classifications classifications, MetricCatalogue metrics,
                          ApplicationEventPublisher events, ObjectMapper json, Clock clock) {
        this.rulesets = rulesets;
        this.classifications = classifications;
        this.metrics = metrics;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Classifies a snapshot with the active ruleset and stores the verdict with that ruleset's version. */
    @Transactional
    public Classification classify(SnapshotView snapshot) {
        Ruleset ruleset = rulesets.current();
        List<FindingView> findings = new Judgement(ruleset, metrics).classify(snapshot.signals(), snapshot.respondents());
        Classification classification = new Classification(snapshot.id(), ruleset.version(), clock.instant(), findings);
        classifications.save(new StoredClassification(snapshot.id(), snapshot.teamKey(), ruleset.version(),
                classification.classifiedAt(), write(findings)));
        events.publishEvent(new SignalsClassified(snapshot.id(), snapshot.teamKey(), ruleset.version(),
                findings.stream().map(FindingView::pattern).toList()));
        return classification;
    }

    @Transactional(readOnly = true)
    public Optional<Classification> classificationOf(UUID snapshotId) {
        return classifications.findById(snapshotId).map(stored -> new Classification(stored.snapshotId(),
                stored.rulesetVersion(), stored.classifiedAt(), read(stored.findingsJson())));
    }

    /** Ranks catalogue interventions for the findings, leaving out those already tried in the loop. */
    public List<RecommendedIntervention> recommend(List<FindingView> findings, Set<String> alreadyTried) {
        return new Judgement(rulesets.current(), metrics).recommend(findings, alreadyTried);
    }

    /** Compares baseline and re-measure on the metrics the intervention targets. */
    public Verification verify(String interventionId, SnapshotView baseline, SnapshotView remeasure) {
        Ruleset ruleset = rulesets.current();
        Intervention intervention = ruleset.intervention(interventionId)
                .orElseThrow(() -> new InvalidInputException("interventionId", "unknown intervention '" + interventionId + "'"));
        return new Judgement(ruleset, metrics).verify(intervention, baseline.signals(), remeasure.signals());
    }

    public List<Intervention> interventions() {
        return rulesets.current().interventions();
    }

    public Optional<Intervention> intervention(String id) {
        return rulesets.current().intervention(id);
    }

    public String activeVersion() {
        return rulesets.current().version();
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
            return json.readValue(findings, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored findings are unreadable", e);
        }
    }
}
