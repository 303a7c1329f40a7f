package org.podloop.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses and checks {@code interventions.yaml} against the metric catalogue it is versioned with. */
final class InterventionCatalogue {

    private InterventionCatalogue() {}

    private record CatalogueFile(List<Intervention> interventions) {}

    /** The catalogue in file order (the order matters: earlier entries rank first); throws {@link RulesetBuildException} naming every bad entry. */
    static List<Intervention> parse(byte[] yaml, MetricCatalogue metrics) {
        String file = RulesFolder.INTERVENTIONS;
        CatalogueFile parsed = YamlFile.read(file, yaml, CatalogueFile.class, file + " is not a valid catalogue");
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Intervention> interventions =
                parsed == null || parsed.interventions() == null ? List.of() : parsed.interventions();
        for (int i = 0; i < interventions.size(); i++) {
            Intervention it = interventions.get(i);
            String where = file + ": interventions[" + i + "]";
            if (it.id() == null || it.id().isBlank() || !ids.add(it.id())) {
                problems.add(where + ": id is missing or not unique");
            }
            if (it.title() == null || it.title().isBlank()) {
                problems.add(where + ": title is missing");
            }
            if (it.patterns() == null || it.patterns().isEmpty()) {
                problems.add(where + ": patterns is empty");
            }
            if (it.timeBox() == null
                    || it.timeBox().isNegative()
                    || it.timeBox().isZero()) {
                problems.add(where + ": timeBox must be a positive ISO-8601 duration such as P14D");
            }
            if (it.metrics() == null || it.metrics().isEmpty()) {
                problems.add(where + ": metrics is empty");
            } else {
                it.metrics().stream()
                        .filter(metric -> metrics.find(metric).isEmpty())
                        .forEach(metric -> problems.add(where + ": unknown metric '" + metric + "'"));
            }
        }
        if (interventions.isEmpty()) {
            problems.add(file + ": no interventions");
        }
        if (!problems.isEmpty()) {
            throw new RulesetBuildException("the intervention catalogue is invalid", problems);
        }
        return List.copyOf(interventions);
    }
}
