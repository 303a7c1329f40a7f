package org.podloop.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.podloop.classification.MetricEffect;
import org.podloop.classification.VerificationOutcome;
import org.podloop.loop.VerifiedIteration;

/** Which patterns one verified iteration speaks for, and its unit-free effect. */
class CreditTest {

    private static VerifiedIteration iteration(
            List<String> baseline, List<String> stillFound, VerificationOutcome outcome) {
        return new VerifiedIteration(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "team",
                1,
                "speak-up-round",
                baseline,
                stillFound,
                outcome,
                List.of());
    }

    private static final List<String> SPEAK_UP_ROUND = List.of("SUPPRESSED_FEEDBACK", "HIDDEN_DISAGREEMENT");

    @Test
    void onlyBaselineFindingsTheInterventionTargetsAreCredited() {
        assertThat(Credit.of(
                        iteration(
                                List.of("DISENGAGEMENT", "SUPPRESSED_FEEDBACK", "HIDDEN_DISAGREEMENT"),
                                List.of("HIDDEN_DISAGREEMENT", "DISENGAGEMENT"),
                                VerificationOutcome.REDUCED),
                        SPEAK_UP_ROUND))
                .containsExactly(
                        new Credit("HIDDEN_DISAGREEMENT", VerificationOutcome.NOT_REDUCED),
                        new Credit("SUPPRESSED_FEEDBACK", VerificationOutcome.REDUCED));
    }

    @Test
    void aPatternStillFoundIsNeverReducedWhateverTheOverallOutcome() {
        List<String> found = List.of("SUPPRESSED_FEEDBACK");
        assertThat(Credit.of(iteration(found, found, VerificationOutcome.INCONCLUSIVE), SPEAK_UP_ROUND))
                .containsExactly(new Credit("SUPPRESSED_FEEDBACK", VerificationOutcome.NOT_REDUCED));
        assertThat(Credit.of(iteration(found, found, VerificationOutcome.WORSENED), SPEAK_UP_ROUND))
                .containsExactly(new Credit("SUPPRESSED_FEEDBACK", VerificationOutcome.WORSENED));
        assertThat(Credit.of(
                        iteration(List.of("DISENGAGEMENT"), List.of(), VerificationOutcome.REDUCED), SPEAK_UP_ROUND))
                .isEmpty();
    }

    @Test
    void theCombinedStandardizedEffectNeedsEveryComparedMetricsStandardDeviation() {
        MetricEffect safety = new MetricEffect("psychological_safety", "points", 12.0, 0.8);
        MetricEffect feedbackWithoutSd = new MetricEffect("feedback_rate", "events per person per sprint", 1.0, null);
        MetricEffect notMeasured = new MetricEffect("dissent_voiced", "percent", null, null);
        MetricEffect wellbeing = new MetricEffect("wellbeing", "points", 2.0, 0.2);

        assertThat(Credit.standardized(List.of(safety, wellbeing, notMeasured))).isEqualTo(0.5);
        assertThat(Credit.standardized(List.of(safety, feedbackWithoutSd))).isNull();
        assertThat(Credit.standardized(List.of(notMeasured))).isNull();
    }
}
