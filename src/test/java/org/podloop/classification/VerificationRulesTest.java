package org.podloop.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/verification.drl */
class VerificationRulesTest {

    private final Judgement judgement = ShippedRules.judgement();

    private static Intervention targeting(String... metrics) {
        return new Intervention("test", "Test", List.of("SUPPRESSED_FEEDBACK"), Duration.ofDays(7), List.of(), List.of(metrics), "team");
    }

    @ParameterizedTest(name = "psychological_safety 50 → {0}: {1}")
    @CsvSource({
            "55,    REDUCED",
            "54.9,  NOT_REDUCED",
            "50,    NOT_REDUCED",
            "45.1,  NOT_REDUCED",
            "45,    WORSENED"})
    void fivePointsEitherWayIsTheNoiseBoundary(double remeasure, String outcome) {
        Verification verification = judgement.verify(targeting("psychological_safety"),
                Map.of("psychological_safety", 50.0), Map.of("psychological_safety", remeasure));

        assertThat(verification.outcome()).isEqualTo(outcome);
        assertThat(verification.reasons()).singleElement().asString().contains("psychological_safety");
        assertThat(verification.rulesetVersion()).isEqualTo(ShippedRules.ruleset().version());
    }

    @Test
    void forALowerIsBetterMetricADropIsAnImprovement() {
        Intervention handoffs = targeting("handoff_delay_hours");

        assertThat(judgement.verify(handoffs, Map.of("handoff_delay_hours", 30.0), Map.of("handoff_delay_hours", 20.0)).outcome())
                .isEqualTo("REDUCED");
        assertThat(judgement.verify(handoffs, Map.of("handoff_delay_hours", 20.0), Map.of("handoff_delay_hours", 30.0)).outcome())
                .isEqualTo("WORSENED");
    }

    @Test
    void oneWorsenedTargetOutweighsAnImprovedOne() {
        Verification verification = judgement.verify(targeting("psychological_safety", "engagement"),
                Map.of("psychological_safety", 40.0, "engagement", 70.0),
                Map.of("psychological_safety", 60.0, "engagement", 60.0));

        assertThat(verification.outcome()).isEqualTo("WORSENED");
        assertThat(verification.reasons()).containsExactly(
                "engagement worsened from 70.0 to 60.0", "psychological_safety improved from 40.0 to 60.0");
    }

    @Test
    void anImprovedTargetWithAnUnmeasuredOneStillCountsAsReduced() {
        Verification verification = judgement.verify(targeting("psychological_safety", "feedback_rate"),
                Map.of("psychological_safety", 40.0), Map.of("psychological_safety", 60.0, "feedback_rate", 3.0));

        assertThat(verification.outcome()).isEqualTo("REDUCED");
        assertThat(verification.reasons()).contains("feedback_rate was not measured both times");
    }

    @Test
    void noTargetMeasuredBothTimesIsInconclusive() {
        Map<String, Double> remeasure = new HashMap<>(Map.of("engagement", 80.0));
        Verification verification = judgement.verify(targeting("psychological_safety"),
                Map.of("psychological_safety", 40.0), remeasure);

        assertThat(verification.outcome()).isEqualTo("INCONCLUSIVE");
        assertThat(verification.rules()).extracting(FiredRule::name)
                .contains("The outcome is inconclusive when no targeted metric was measured both times");
    }

    @Test
    void theExplanationNamesOnlyTheRulesThatDecided() {
        Verification verification = judgement.verify(targeting("psychological_safety"),
                Map.of("psychological_safety", 40.0), Map.of("psychological_safety", 70.0));

        assertThat(verification.rules()).extracting(FiredRule::name).containsExactly(
                "A targeted metric that moved at least five points the good way improved",
                "Friction is reduced when a targeted metric improved and none worsened");
    }
}
