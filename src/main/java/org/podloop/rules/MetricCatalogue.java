package org.podloop.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics Podloop understands ({@code metrics.yaml}), in catalogue order. A value: each ruleset
 * version carries its own, so a reload swaps it together with the rules that read it.
 */
public final class MetricCatalogue {

    private final Map<String, Metric> metrics;

    private MetricCatalogue(List<Metric> metrics) {
        Map<String, Metric> byKey = new LinkedHashMap<>();
        metrics.forEach(metric -> byKey.put(metric.key(), metric));
        this.metrics = Collections.unmodifiableMap(byKey);
    }

    /** The catalogue of a rules folder, for tools and tests that run without Spring. */
    public static MetricCatalogue of(Path rulesFolder) {
        Path file = rulesFolder.resolve(RulesFolder.METRICS);
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metric catalogue " + file.toAbsolutePath(), e);
        }
    }

    public List<Metric> all() {
        return List.copyOf(metrics.values());
    }

    public Optional<Metric> find(String key) {
        return Optional.ofNullable(metrics.get(key));
    }

    private record CatalogueFile(List<Metric> metrics) {}

    /** Parses and checks {@code metrics.yaml}; throws {@link RulesetBuildException} naming every bad entry. */
    static MetricCatalogue parse(byte[] yaml) {
        String file = RulesFolder.METRICS;
        CatalogueFile parsed = YamlFile.read(file, yaml, CatalogueFile.class, file + " is not a valid catalogue");
        List<Metric> metrics = parsed == null || parsed.metrics() == null ? List.of() : parsed.metrics();
        List<String> problems = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            Metric metric = metrics.get(i);
            String where = file + ": metrics[" + i + "]";
            if (metric.key() == null || metric.key().isBlank() || keys.contains(metric.key())) {
                problems.add(where + ": key is missing or not unique");
            }
            keys.add(metric.key());
            if (metric.title() == null || metric.title().isBlank()) {
                problems.add(where + ": title is missing");
            }
            if (metric.direction() == null) {
                problems.add(where + ": direction must be HIGHER_IS_BETTER or LOWER_IS_BETTER");
            }
            if (!(metric.min() < metric.max())) {
                problems.add(where + ": min must be below max");
            }
            // checked against the scale only once the scale itself is valid
            if (metric.minimalChange() != null
                    && metric.min() < metric.max()
                    && !(metric.minimalChange() > 0 && metric.minimalChange() <= metric.max() - metric.min())) {
                problems.add(where + ": minimalChange must be above 0 and at most the scale (max − min)");
            }
            if (metric.relativeChange() != null && !(metric.relativeChange() > 0 && metric.relativeChange() <= 1)) {
                problems.add(where + ": relativeChange must be a share of the baseline above 0 and at most 1");
            }
            if (metric.survey() != null) {
                metric.survey().problems().forEach(problem -> problems.add(where + ": survey: " + problem));
            }
        }
        if (metrics.isEmpty()) {
            problems.add(file + ": no metrics");
        }
        if (!problems.isEmpty()) {
            throw new RulesetBuildException("the metric catalogue is invalid", problems);
        }
        return new MetricCatalogue(metrics);
    }
}
