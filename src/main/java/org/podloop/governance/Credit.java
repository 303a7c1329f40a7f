package org.podloop.governance;

import java.util.Collection;
import java.util.List;
import org.podloop.classification.MetricEffect;
import org.podloop.classification.VerificationOutcome;
import org.podloop.loop.VerifiedIteration;

/**
 * What one verified iteration says about one pattern. An iteration speaks for a pattern only when the
 * pattern was a baseline finding and the intervention targets it; a pattern still found at re-measurement
 * was not reduced, whatever the metrics did overall (worsened stays worsened: that is not reduced too).
 */
record Credit(String pattern, VerificationOutcome outcome) {

    /** The patterns the iteration is credited for, in pattern order, given the patterns its intervention targets. */
    static List<Credit> of(VerifiedIteration iteration, Collection<String> targeted) {
        return iteration.baselinePatterns().stream()
                .filter(targeted::contains)
                .distinct()
                .sorted()
                .map(pattern -> new Credit(
                        pattern,
                        iteration.remeasurePatterns().contains(pattern)
                                ? stillPresent(iteration.outcome())
                                : iteration.outcome()))
                .toList();
    }

    private static VerificationOutcome stillPresent(VerificationOutcome overall) {
        return overall == VerificationOutcome.WORSENED ? VerificationOutcome.WORSENED : VerificationOutcome.NOT_REDUCED;
    }

    /**
     * The iteration's effect over all its compared target metrics, unit-free: the mean of their standardized
     * changes. Null when nothing was compared or any compared metric lacks a standardized change — a
     * combined effect that silently left a metric out would not be the iteration's effect.
     */
    static Double standardized(List<MetricEffect> effects) {
        List<MetricEffect> compared =
                effects.stream().filter(MetricEffect::compared).toList();
        if (compared.isEmpty() || compared.stream().anyMatch(e -> e.standardized() == null)) {
            return null;
        }
        return compared.stream()
                .mapToDouble(MetricEffect::standardized)
                .average()
                .orElseThrow();
    }
}
