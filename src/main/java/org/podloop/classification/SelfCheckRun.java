package org.podloop.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.podloop.rules.Intervention;
import org.podloop.rules.Ruleset;
import org.podloop.rules.RulesetBuildException;
import org.podloop.rules.RulesetCheck;
import org.podloop.rules.SelfCheck;
import org.podloop.signal.MetricValue;
import org.springframework.stereotype.Component;

/** Judges the scenarios of a freshly built ruleset's {@code self-check.yaml} before it may serve. */
@Component
class SelfCheckRun implements RulesetCheck {

    private static final int RESPONDENTS = 10;

    @Override
    public void check(Ruleset candidate) {
        Judgement judgement = new Judgement(candidate);
        SelfCheck scenarios = candidate.selfCheck();
        List<String> failures = new ArrayList<>();
        for (SelfCheck.ClassificationScenario s : scenarios.classification()) {
            if (!s.signals().keySet().containsAll(s.sd().keySet())) {
                failures.add(SelfCheck.FILE + ": " + s.name() + ": sd is given for metrics without a signal");
                continue;
            }
            Map<String, String> found = judgement.classifyMeasured(measured(s), RESPONDENTS, List.of()).stream()
                    .collect(Collectors.toMap(FindingView::pattern, FindingView::severity, (a, b) -> a, TreeMap::new));
            if (!found.equals(new TreeMap<>(s.expect()))) {
                failures.add(SelfCheck.FILE + ": " + s.name() + ": expected " + new TreeMap<>(s.expect())
                        + ", the rules found " + found);
            }
        }
        for (SelfCheck.VerificationScenario s : scenarios.verification()) {
            try {
                Intervention intervention = judgement.intervention(s.intervention());
                String outcome = judgement
                        .verify(intervention, values(s.baseline()), values(s.remeasure()))
                        .outcome()
                        .name();
                if (!outcome.equals(s.expect())) {
                    failures.add(SelfCheck.FILE + ": " + s.name() + ": expected " + s.expect() + ", the rules decided "
                            + outcome);
                }
            } catch (RuntimeException e) {
                failures.add(SelfCheck.FILE + ": " + s.name() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new RulesetBuildException("the self-check failed", failures);
        }
    }

    private static Map<String, MetricValue> measured(SelfCheck.ClassificationScenario scenario) {
        Map<String, MetricValue> values = new TreeMap<>();
        scenario.signals()
                .forEach((k, v) ->
                        values.put(k, MetricValue.measured(v, scenario.sd().get(k), RESPONDENTS)));
        return values;
    }

    private static Map<String, MetricValue> values(Map<String, Double> plain) {
        Map<String, MetricValue> values = new TreeMap<>();
        plain.forEach((k, v) -> values.put(k, MetricValue.measured(v, null, RESPONDENTS)));
        return values;
    }
}
