package org.podloop.loop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Decisions adjust": counts verified iterations per pattern and intervention. The report and the
 * recommendation rules read the same figures from here.
 */
@Component
class Effectiveness {

    private final Loops loops;

    Effectiveness(Loops loops) {
        this.loops = loops;
    }

    private static final class Tally {
        final Set<UUID> loops = new HashSet<>();
        final Map<String, Integer> outcomes = new TreeMap<>();
        final List<Double> effects = new ArrayList<>();
    }

    /** The figures over every team's verified iterations but {@code excludedTeam}'s (none excluded when null). */
    @Transactional(readOnly = true)
    EffectivenessReport report(String excludedTeam) {
        Map<List<String>, Tally> tallies = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (Loops.VerifiedIteration it : loops.verifiedIterations()) {
            if (it.teamKey().equals(excludedTeam) || it.patterns() == null || it.patterns().isEmpty()) {
                continue;
            }
            for (String pattern : it.patterns().split(",")) {
                Tally tally = tallies.computeIfAbsent(List.of(pattern, it.interventionId()), key -> new Tally());
                tally.loops.add(it.loopId());
                tally.outcomes.merge(it.outcome(), 1, Integer::sum);
                if (it.effect() != null && !"INCONCLUSIVE".equals(it.outcome())) {
                    tally.effects.add(it.effect());
                }
            }
        }
        return new EffectivenessReport(tallies.entrySet().stream().map(e -> {
            Tally t = e.getValue();
            return new EffectivenessReport.Row(e.getKey().get(0), e.getKey().get(1), t.loops.size(),
                    t.outcomes.getOrDefault("REDUCED", 0), t.outcomes.getOrDefault("NOT_REDUCED", 0),
                    t.outcomes.getOrDefault("WORSENED", 0), t.outcomes.getOrDefault("INCONCLUSIVE", 0), median(t.effects));
        }).toList());
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
