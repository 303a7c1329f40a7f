package org.podloop.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.podloop.classification.facts.Effect;
import org.podloop.classification.facts.Finding;
import org.podloop.classification.facts.InterventionOption;
import org.podloop.classification.facts.MetricChange;
import org.podloop.classification.facts.MetricVerdict;
import org.podloop.classification.facts.Outcome;
import org.podloop.classification.facts.Recommendation;
import org.podloop.classification.facts.Severity;
import org.podloop.classification.facts.Signal;
import org.podloop.classification.facts.Trend;
import org.podloop.rules.Intervention;
import org.podloop.rules.Metric;
import org.podloop.rules.MetricCatalogue;
import org.podloop.rules.Ruleset;
import org.podloop.signal.MetricValue;

/**
 * What one ruleset says about plain values: findings, ranked recommendations, verification. No
 * storage and no Spring, so every DRL can be tested with plain JUnit against the real folder. Metrics
 * are read from the ruleset's own catalogue, so a decision and its version always belong together.
 */
final class Judgement {

    /** A rule's {@code @evidence("sd")}: it judges the spread of the answers, so that is the evidence, not the mean. */
    private static final String SPREAD = "sd";

    private final Ruleset ruleset;
    private final MetricCatalogue metrics;

    Judgement(Ruleset ruleset) {
        this.ruleset = ruleset;
        this.metrics = ruleset.metrics();
    }

    List<FindingView> classify(Map<String, Double> signals, int respondents) {
        return classify(signals, respondents, List.of());
    }

    /** Classifies {@code signals} given the team's earlier snapshots' signals ({@code history}, newest first). */
    List<FindingView> classify(Map<String, Double> signals, int respondents, List<Map<String, Double>> history) {
        Map<String, MetricValue> measured = new LinkedHashMap<>();
        signals.forEach((metric, value) -> measured.put(metric, MetricValue.measured(value, null, respondents)));
        return classifyMeasured(measured, respondents, history);
    }

    /**
     * Classifies a snapshot's stored metrics (mean, sd and respondents each; suppressed ones are never
     * seen) given the earlier snapshots' signals. A metric without its own count has the snapshot's.
     */
    List<FindingView> classifyMeasured(
            Map<String, MetricValue> metrics, int respondents, List<Map<String, Double>> history) {
        List<Object> facts = new ArrayList<>();
        metrics.forEach((metric, measured) -> {
            if (measured.isSuppressed() || measured.mean() == null) {
                return;
            }
            int answered = measured.respondents() == null ? respondents : measured.respondents();
            facts.add(new Signal(metric, measured.mean(), measured.sd(), answered));
            trend(metric, measured.mean(), history).ifPresent(facts::add);
        });
        RuleRun run = RuleRun.fire(ruleset, facts, Finding.class);
        Map<String, FindingView> byPattern = new LinkedHashMap<>();
        run.results(Finding.class).stream()
                .sorted(Comparator.comparing(Finding::getPattern))
                .forEach(finding ->
                        byPattern.merge(finding.getPattern(), view(finding, run, metrics), Judgement::merge));
        return List.copyOf(byPattern.values());
    }

    List<RecommendedIntervention> recommend(List<FindingView> findings, Set<String> alreadyTried) {
        return recommend(findings, alreadyTried, List.of());
    }

    List<RecommendedIntervention> recommend(
            List<FindingView> findings, Set<String> alreadyTried, List<InterventionEffect> effects) {
        List<Object> facts = new ArrayList<>();
        effects.forEach(e -> facts.add(new Effect(e.interventionId(), e.pattern(), e.verified(), e.reduced())));
        findings.forEach(f -> facts.add(new Finding(f.pattern(), Severity.valueOf(f.severity()))));
        List<Intervention> catalogue = ruleset.interventions();
        for (int i = 0; i < catalogue.size(); i++) {
            Intervention it = catalogue.get(i);
            facts.add(new InterventionOption(it.id(), it.patterns(), i, alreadyTried.contains(it.id())));
        }
        RuleRun run = RuleRun.fire(ruleset, facts, Recommendation.class);
        Map<String, Recommendation> best = new LinkedHashMap<>();
        run.results(Recommendation.class).stream()
                .sorted(Comparator.comparingInt(Recommendation::getScore)
                        .thenComparing(Recommendation::getInterventionId))
                .forEach(r -> best.putIfAbsent(r.getInterventionId(), r));
        List<RecommendedIntervention> ranked = new ArrayList<>();
        for (Recommendation r : best.values()) {
            Intervention it = ruleset.intervention(r.getInterventionId())
                    .orElseThrow(() -> new IllegalStateException(
                            "a rule recommended '" + r.getInterventionId() + "', which is not in the catalogue"));
            ranked.add(new RecommendedIntervention(
                    ranked.size() + 1,
                    it.id(),
                    it.title(),
                    r.getPattern(),
                    it.timeBox(),
                    r.getReason(),
                    run.rulesFor(r)));
        }
        return ranked;
    }

    Intervention intervention(String id) {
        return ruleset.intervention(id)
                .orElseThrow(() -> new IllegalArgumentException("unknown intervention '" + id + "'"));
    }

    Verification verify(
            Intervention intervention, Map<String, MetricValue> baseline, Map<String, MetricValue> remeasure) {
        List<MetricChange> changes = intervention.metrics().stream()
                .map(key -> change(key, baseline.get(key), remeasure.get(key)))
                .toList();
        RuleRun run = RuleRun.fire(ruleset, changes, Outcome.class, MetricVerdict.class);
        List<Outcome> outcomes = run.results(Outcome.class);
        if (outcomes.size() != 1) {
            throw new IllegalStateException(
                    "ruleset " + ruleset.version() + " must decide exactly one outcome, decided "
                            + outcomes.stream().map(Outcome::getValue).toList() + " for " + changes);
        }
        List<String> reasons = run.results(MetricVerdict.class).stream()
                .sorted(Comparator.comparing(MetricVerdict::getMetric))
                .map(MetricVerdict::getReason)
                .toList();
        return new Verification(
                outcomes.get(0).getValue(),
                reasons,
                run.fired(),
                ruleset.version(),
                effects(intervention, baseline, remeasure));
    }

    /** The change of each metric the intervention targets, in the metric's unit and, where the sd allows, standardized. */
    List<MetricEffect> effects(
            Intervention intervention, Map<String, MetricValue> baseline, Map<String, MetricValue> remeasure) {
        return intervention.metrics().stream()
                .map(key -> effect(key, baseline.get(key), remeasure.get(key)))
                .toList();
    }

    private MetricEffect effect(String key, MetricValue before, MetricValue after) {
        Metric metric = metrics.find(key).orElseThrow(() -> new IllegalStateException("unknown metric " + key));
        if (mean(before) == null || mean(after) == null) {
            return new MetricEffect(key, metric.unit(), null, null);
        }
        double improvement = metric.improvement(before.mean(), after.mean());
        Double pooled = pooledSd(before, after);
        return new MetricEffect(key, metric.unit(), improvement, pooled == null ? null : improvement / pooled);
    }

    /**
     * The pooled standard deviation √(((n₁−1)sd₁² + (n₂−1)sd₂²) / (n₁+n₂−2)), weighting both equally when
     * the respondent counts are unknown; null without both standard deviations or when it is zero.
     */
    private static Double pooledSd(MetricValue before, MetricValue after) {
        if (before.sd() == null || after.sd() == null) {
            return null;
        }
        double varianceBefore = before.sd() * before.sd();
        double varianceAfter = after.sd() * after.sd();
        double pooled;
        if (before.respondents() != null
                && after.respondents() != null
                && before.respondents() + after.respondents() > 2) {
            int n1 = before.respondents();
            int n2 = after.respondents();
            pooled = Math.sqrt(((n1 - 1) * varianceBefore + (n2 - 1) * varianceAfter) / (n1 + n2 - 2));
        } else {
            pooled = Math.sqrt((varianceBefore + varianceAfter) / 2);
        }
        return pooled > 0 ? pooled : null;
    }

    /**
     * Baseline vs re-measure of one metric, with the smallest change that counts from that baseline
     * (the catalogue's, in the metric's unit); {@code noise} is {@link NoiseMargin} of the two means.
     */
    private MetricChange change(String key, MetricValue before, MetricValue after) {
        Metric metric = metrics.find(key).orElseThrow(() -> new IllegalStateException("unknown metric " + key));
        boolean measured = before != null && after != null && !before.isSuppressed() && !after.isSuppressed();
        if (!measured) {
            Double baseline = mean(before);
            return new MetricChange(
                    key,
                    metric.title(),
                    metric.unit(),
                    baseline,
                    mean(after),
                    null,
                    null,
                    null,
                    metric.minimalChange(baseline == null ? 0 : baseline));
        }
        Double noise = NoiseMargin.of(before, after);
        Integer respondents = before.respondents() == null
                ? after.respondents()
                : after.respondents() == null
                        ? before.respondents()
                        : Integer.valueOf(Math.min(before.respondents(), after.respondents()));
        return new MetricChange(
                key,
                metric.title(),
                metric.unit(),
                before.mean(),
                after.mean(),
                metric.improvement(before.mean(), after.mean()),
                noise,
                respondents,
                metric.minimalChange(before.mean()));
    }

    private static Double mean(MetricValue value) {
        return value == null || value.isSuppressed() ? null : value.mean();
    }

    /**
     * The metric's run of worsening steps up to now: how many consecutive declines (each snapshot worse
     * than the one before) and how much worse in total. Thresholds for what that means are the rules'.
     */
    private Optional<Trend> trend(String metric, double current, List<Map<String, Double>> history) {
        Optional<Metric> known = metrics.find(metric);
        if (known.isEmpty() || known.get().informs() == null) {
            return Optional.empty();
        }
        List<Double> previous = new ArrayList<>();
        for (Map<String, Double> earlier : history) {
            if (!earlier.containsKey(metric)) {
                break;
            }
            previous.add(earlier.get(metric));
        }
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        int declines = 0;
        double newer = current;
        for (double older : previous) {
            if (known.get().improvement(older, newer) >= 0) {
                break;
            }
            declines++;
            newer = older;
        }
        double deterioration = declines == 0 ? 0 : -known.get().improvement(previous.get(declines - 1), current);
        return Optional.of(new Trend(metric, known.get().informs(), current, previous, declines, deterioration));
    }

    private FindingView view(Finding finding, RuleRun run, Map<String, MetricValue> metrics) {
        List<Evidence> evidence = new ArrayList<>();
        run.matchesFor(finding).forEach(match -> {
            String threshold = match.getKey().metadata().get("threshold");
            boolean spread = SPREAD.equals(match.getKey().metadata().get("evidence"));
            for (Object fact : match.getValue()) {
                if (fact instanceof Signal s && spread && s.getSd() != null) {
                    evidence.add(new Evidence(s.getMetric(), s.getSd(), threshold, null, SPREAD));
                } else if (fact instanceof Signal s) {
                    evidence.add(new Evidence(
                            s.getMetric(), s.getValue(), threshold, null, null, provenance(metrics, s.getMetric())));
                } else if (fact instanceof Trend t) {
                    evidence.add(new Evidence(
                            t.getMetric(),
                            t.getCurrent(),
                            threshold,
                            t.getPrevious(),
                            null,
                            provenance(metrics, t.getMetric())));
                }
            }
        });
        return new FindingView(
                finding.getPattern(), finding.getSeverity().name(), evidence, run.rulesFor(finding), ruleset.version());
    }

    private static String provenance(Map<String, MetricValue> metrics, String metric) {
        MetricValue value = metrics.get(metric);
        return value == null ? null : value.provenance();
    }

    /** Two rules raised the same pattern: the higher severity stands, and both rules and their evidence are kept. */
    private static FindingView merge(FindingView a, FindingView b) {
        String severity = Severity.higher(Severity.valueOf(a.severity()), Severity.valueOf(b.severity()))
                .name();
        List<Evidence> evidence = new ArrayList<>(a.evidence());
        b.evidence().stream().filter(e -> !evidence.contains(e)).forEach(evidence::add);
        List<FiredRule> rules = new ArrayList<>(a.rules());
        rules.addAll(b.rules());
        return new FindingView(a.pattern(), severity, evidence, rules, a.rulesetVersion());
    }
}
