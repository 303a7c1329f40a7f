package org.podloop.governance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.podloop.classification.InterventionEffect;
import org.podloop.classification.VerificationOutcome;
import org.podloop.loop.LoopService;
import org.podloop.loop.TrackRecord;
import org.podloop.loop.VerifiedIteration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Decisions adjust": counts verified iterations per pattern and intervention. The report and the
 * recommendation rules (through the loop's {@link TrackRecord}) read the same figures from here.
 */
@Component
class Effectiveness implements TrackRecord {

    private final LoopService loops;

    Effectiveness(LoopService loops) {
        this.loops = loops;
    }

    private static final class Tally {
        final Set<UUID> loops = new HashSet<>();
        final Map<VerificationOutcome, Integer> outcomes = new EnumMap<>(VerificationOutcome.class);
        final List<Double> effects = new ArrayList<>();
    }

    /** The figures over every team's verified iterations but {@code excludedTeam}'s (none excluded when null). */
    @Transactional(readOnly = true)
    EffectivenessReport report(String excludedTeam) {
        Map<List<String>, Tally> tallies = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (VerifiedIteration it : loops.verifiedIterations()) {
            if (it.teamKey().equals(excludedTeam)
                    || it.patterns() == null
                    || it.patterns().isEmpty()) {
                continue;
            }
            for (String pattern : it.patterns().split(",")) {
                Tally tally = tallies.computeIfAbsent(List.of(pattern, it.interventionId()), key -> new Tally());
                tally.loops.add(it.loopId());
                VerificationOutcome outcome = VerificationOutcome.valueOf(it.outcome());
                tally.outcomes.merge(outcome, 1, Integer::sum);
                if (it.effect() != null && outcome != VerificationOutcome.INCONCLUSIVE) {
                    tally.effects.add(it.effect());
                }
            }
        }
        return new EffectivenessReport(tallies.entrySet().stream()
                .map(e -> {
                    Tally t = e.getValue();
                    return new EffectivenessReport.Row(
                            e.getKey().get(0),
                            e.getKey().get(1),
                            t.loops.size(),
                            t.outcomes.getOrDefault(VerificationOutcome.REDUCED, 0),
                            t.outcomes.getOrDefault(VerificationOutcome.NOT_REDUCED, 0),
                            t.outcomes.getOrDefault(VerificationOutcome.WORSENED, 0),
                            t.outcomes.getOrDefault(VerificationOutcome.INCONCLUSIVE, 0),
                            median(t.effects));
                })
                .toList());
    }

    /** From the same figures as the report, so that what the pod is recommended and what governance reads agree. */
    @Override
    public List<InterventionEffect> elsewhere(String team) {
        return report(team).rows().stream()
                .map(row -> new InterventionEffect(
                        row.interventionId(),
                        row.pattern(),
                        row.reduced() + row.notReduced() + row.worsened(),
                        row.reduced()))
                .toList();
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
