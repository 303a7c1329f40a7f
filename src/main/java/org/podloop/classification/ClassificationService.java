package org.podloop.classification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.podloop.classification.facts.Finding;
import org.podloop.classification.facts.InterventionOption;
import org.podloop.classification.facts.MetricChange;
import org.podloop.classification.facts.MetricVerdict;
import org.podloop.classification.facts.Outcome;
import org.podloop.classification.facts.Recommendation;
import org.podloop.classification.facts.Signal;
import org.podloop.common.InvalidInputException;
import org.podloop.signal.Metric;
import org.podloop.signal.MetricCatalogue;
import org.podloop.signal.SnapshotView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The classification module's public face: classify, recommend, verify, and the intervention catalogue. */
@Service
public class ClassificationService {

    private static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH");

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
        List<Signal> signals = snapshot.signals().entrySet().stream()
                .map(e -> new Signal(e.getKey(), e.getValue(), snapshot.respondents())).toList();
        RuleRun run = RuleRun.fire(ruleset, signals, Finding.class);
        Map<String, FindingView> byPattern = new LinkedHashMap<>();
        run.results(Finding.class).stream()
                .sorted(Comparator.comparing(Finding::getPattern))
                .forEach(finding -> byPattern.merge(finding.getPattern(), view(finding, run, ruleset), ClassificationService::merge));
        Classification classification = new Classification(snapshot.id(), ruleset.version(), clock.instant(),
                List.copyOf(byPattern.values()));
        classifications.save(new StoredClassification(snapshot.id(), snapshot.teamKey(), ruleset.version(),
                classification.classifiedAt(), write(classification.findings())));
        events.publishEvent(new SignalsClassified(snapshot.id(), snapshot.teamKey(), ruleset.version(),
                List.copyOf(byPattern.keySet())));
        return classification;
    }

    @Transactional(readOnly = true)
    public Optional<Classification> classificationOf(UUID snapshotId) {
        return classifications.findById(snapshotId).map(stored -> new Classification(stored.snapshotId(),
                stored.rulesetVersion(), stored.classifiedAt(), read(stored.findingsJson())));
    }

    /** Ranks catalogue interventions for the findings, leaving out those already tried in the loop. */
    public List<RecommendedIntervention> recommend(List<FindingView> findings, Set<String> alreadyTried) {
        Ruleset ruleset = rulesets.current();
        List<Object> facts = new ArrayList<>();
        findings.forEach(f -> facts.add(new Finding(f.pattern(), f.severity())));
        List<Intervention> catalogue = ruleset.interventions();
        for (int i = 0; i < catalogue.size(); i++) {
            Intervention it = catalogue.get(i);
            facts.add(new InterventionOption(it.id(), it.patterns(), i, alreadyTried.contains(it.id())));
        }
        RuleRun run = RuleRun.fire(ruleset, facts, Recommendation.class);
        Map<String, Recommendation> best = new LinkedHashMap<>();
        run.results(Recommendation.class).stream()
                .sorted(Comparator.comparingInt(Recommendation::getScore).thenComparing(Recommendation::getInterventionId))
                .forEach(r -> best.putIfAbsent(r.getInterventionId(), r));
        List<RecommendedIntervention> ranked = new ArrayList<>();
        for (Recommendation r : best.values()) {
            Intervention it = ruleset.intervention(r.getInterventionId()).orElseThrow();
            ranked.add(new RecommendedIntervention(ranked.size() + 1, it.id(), it.title(), r.getPattern(), it.timeBox(),
                    r.getReason(), List.of(run.producerOf(r))));
        }
        return ranked;
    }

    /** Compares baseline and re-measure on the metrics the intervention targets. */
    public Verification verify(String interventionId, SnapshotView baseline, SnapshotView remeasure) {
        Ruleset ruleset = rulesets.current();
        Intervention intervention = ruleset.intervention(interventionId)
                .orElseThrow(() -> new InvalidInputException("interventionId", "unknown intervention '" + interventionId + "'"));
        List<MetricChange> changes = intervention.metrics().stream().map(key -> {
            Double before = baseline.signals().get(key);
            Double after = remeasure.signals().get(key);
            Metric metric = metrics.find(key).orElseThrow();
            Double improvement = before == null || after == null ? null : metric.improvement(before, after);
            return new MetricChange(key, before, after, improvement);
        }).toList();
        RuleRun run = RuleRun.fire(ruleset, changes, Outcome.class, MetricVerdict.class);
        List<Outcome> outcomes = run.results(Outcome.class);
        if (outcomes.size() != 1) {
            throw new IllegalStateException("ruleset " + ruleset.version() + " must decide exactly one outcome, decided "
                    + outcomes.stream().map(Outcome::getValue).toList() + " for " + changes);
        }
        List<String> reasons = run.results(MetricVerdict.class).stream()
                .sorted(Comparator.comparing(MetricVerdict::getMetric)).map(MetricVerdict::getReason).toList();
        return new Verification(outcomes.get(0).getValue(), reasons, run.fired(), ruleset.version());
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

    private static FindingView view(Finding finding, RuleRun run, Ruleset ruleset) {
        FiredRule rule = run.producerOf(finding);
        String threshold = RuleRun.metadata(rule, "threshold");
        List<Evidence> evidence = run.matchedFor(finding).stream()
                .filter(Signal.class::isInstance).map(Signal.class::cast)
                .map(s -> new Evidence(s.getMetric(), s.getValue(), threshold)).toList();
        return new FindingView(finding.getPattern(), finding.getSeverity(), evidence,
                rule == null ? List.of() : List.of(rule), ruleset.version());
    }

    /** Two rules raised the same pattern: the higher severity stands, and both rules and their evidence are kept. */
    private static FindingView merge(FindingView a, FindingView b) {
        String severity = SEVERITIES.indexOf(a.severity()) >= SEVERITIES.indexOf(b.severity()) ? a.severity() : b.severity();
        List<Evidence> evidence = new ArrayList<>(a.evidence());
        b.evidence().stream().filter(e -> !evidence.contains(e)).forEach(evidence::add);
        List<FiredRule> rules = new ArrayList<>(a.rules());
        rules.addAll(b.rules());
        return new FindingView(a.pattern(), severity, evidence, rules, a.rulesetVersion());
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
