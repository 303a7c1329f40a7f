package org.podloop.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.podloop.signal.MetricValue;

/** Runs the scenarios of {@code self-check.yaml} against a freshly built ruleset before it may serve. */
final class SelfCheck {

    static final String FILE = "self-check.yaml";
    private static final int RESPONDENTS = 10;

    private SelfCheck() {
    }

    record ClassificationScenario(String name, Map<String, Double> signals, Map<String, String> expect) {
    }

    record VerificationScenario(String name, String intervention, Map<String, Double> baseline,
                                Map<String, Double> remeasure, String expect) {
    }

    record Scenarios(List<ClassificationScenario> classification, List<VerificationScenario> verification) {
    }

    static void run(Path folder, Judgement judgement) {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return;
        }
        Scenarios scenarios;
        try {
            scenarios = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Scenarios.class);
        } catch (IOException e) {
            throw new RulesetBuildException(FILE + " is not valid", List.of(FILE + ": " + e.getMessage()));
        }
        List<String> failures = new ArrayList<>();
        for (ClassificationScenario s : nonNull(scenarios.classification())) {
            Map<String, String> found = judgement.classify(s.signals(), RESPONDENTS).stream()
                    .collect(Collectors.toMap(FindingView::pattern, FindingView::severity, (a, b) -> a, TreeMap::new));
            if (!found.equals(new TreeMap<>(s.expect()))) {
                failures.add(FILE + ": " + s.name() + ": expected " + new TreeMap<>(s.expect()) + ", the rules found " + found);
            }
        }
        for (VerificationScenario s : nonNull(scenarios.verification())) {
            try {
                Intervention intervention = judgement.intervention(s.intervention());
                String outcome = judgement.verify(intervention, values(s.baseline()), values(s.remeasure())).outcome();
                if (!outcome.equals(s.expect())) {
                    failures.add(FILE + ": " + s.name() + ": expected " + s.expect() + ", the rules decided " + outcome);
                }
            } catch (RuntimeException e) {
                failures.add(FILE + ": " + s.name() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new RulesetBuildException("the self-check failed", failures);
        }
    }

    private static Map<String, MetricValue> values(Map<String, Double> plain) {
        Map<String, MetricValue> values = new TreeMap<>();
        plain.forEach((k, v) -> values.put(k, MetricValue.measured(v, null, RESPONDENTS)));
        return values;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
