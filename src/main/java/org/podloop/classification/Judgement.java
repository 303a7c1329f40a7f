package org.podloop.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.podloop.classification.facts.Finding;
import org.podloop.classification.facts.InterventionOption;
import org.podloop.classification.facts.MetricChange;
import org.podloop.classification.facts.MetricVerdict;
import org.podloop.classification.facts.Outcome;
import org.podloop.classification.facts.Recommendation;
import org.podloop.classification.facts.Signal;
import org.podloop.signal.Metric;
import org.podloop.signal.MetricCatalogue;

/**
 * What one ruleset says about plain values: findings, ranked recommendations, verification. No
 * storage and no Spring, so every DRL can be tested with plain JUnit against the real folder.
 */
final class Judgement {

    private static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH");

    private final Ruleset ruleset;
    private final MetricCatalogue metrics;

    Judgement(Ruleset ruleset, MetricCatalogue metrics) {
        this.ruleset = ruleset;
        this.metrics = metrics;
    }

    List<FindingView> classify(Map<String, Double> signals, int respondents) {
        List<Signal> facts = signals.entrySet().stream()
                .map(e -> new Signal(e.getKey(), e.getValue(), respondents)).toList();
        RuleRun run = RuleRun.fire(ruleset, facts, Finding.class);
        Map<String, FindingView> byPattern = new LinkedHashMap<>();
        run.results(Finding.class).stream()
                .sorted(Comparator.comparing(Finding::getPattern))
                .forEach(finding -> byPattern.merge(finding.getPattern(), view(finding, run), Judgement::merge));
        return List.copyOf(byPattern.values());
    }

    List<RecommendedIntervention> recommend(List<FindingView> findings, Set<String> alreadyTried) {
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
            Intervention it = ruleset.intervention(r.getInterventionId()).orElseThrow(() -> new IllegalStateException(
                    "a rule recommended '" + r.getInterventionId() + "', which is not in the catalogue"));
            ranked.add(new RecommendedIntervention(ranked.size() + 1, it.id(), it.title(), r.getPattern(), it.timeBox(),
                    r.getReason(), List.of(run.producerOf(r))));
        }
        return ranked;
    }

    Verification verify(Intervention intervention, Map<String, Double> baseline, Map<String, Double> remeasure) {
        List<MetricChange> changes = intervention.metrics().stream().map(key -> {
            Double before = baseline.get(key);
            Double after = remeasure.get(key);
            Metric metric = metrics.find(key).orElseThrow(() -> new IllegalStateException("unknown metric " + key));
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

    private FindingView view(Finding finding, RuleRun run) {
        FiredRule rule = run.producerOf(finding);
        String threshold = rule == null ? null : rule.metadata().get("threshold");
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
}
