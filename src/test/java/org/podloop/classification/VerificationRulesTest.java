package org.podloop.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.podloop.rules.Intervention;
import org.podloop.signal.MetricValue;

/** rules/verification.drl */
class VerificationRulesTest {

    private final Judgement judgement = ShippedRules.judgement();

    private static Intervention targeting(String... metrics) {
        return new Intervention(
                "test",
                "Test",
                List.of("SUPPRESSED_FEEDBACK"),
                Duration.ofDays(7),
                List.of(),
                List.of(metrics),
                "team");
    }

    /** A computed value without standard deviation, from enough respondents. */
    private static MetricValue exact(double mean) {
        return MetricValue.measured(mean, null, 8);
    }

    private VerificationOutcome outcome(
            Intervention intervention, Map<String, MetricValue> baseline, Map<String, MetricValue> remeasure) {
        return judgement.verify(intervention, baseline, remeasure).outcome();
    }

    @ParameterizedTest(name = "psychological_safety 50 → {0}: {1}")
    @CsvSource({"55,    REDUCED", "54.9,  NOT_REDUCED", "50,    NOT_REDUCED", "45.1,  NOT_REDUCED", "45,    WORSENED"})
    void withoutSpreadFivePointsEitherWayIsTheBoundary(double remeasure, VerificationOutcome outcome) {
        Verification verification = judgement.verify(
                targeting("psychological_safety"),
                Map.of("psychological_safety", exact(50)),
                Map.of("psychological_safety", exact(remeasure)));

        assertThat(verification.outcome()).isEqualTo(outcome);
        assertThat(verification.reasons()).singleElement().asString().contains("psychological_safety");
        assertThat(verification.rulesetVersion())
                .isEqualTo(ShippedRules.ruleset().version());
    }

    @Test
    void aRiseWithinTheNoiseOfWidelySpreadAnswersIsInconclusive() {
        // sd 20 from 6 respondents on both sides: margin 1.96 × √(400/6 + 400/6) ≈ 22.6 points
        MetricValue before = MetricValue.measured(40, 20.0, 6);
        MetricValue after = MetricValue.measured(55, 20.0, 6);

        Verification verification = judgement.verify(
                targeting("psychological_safety"),
                Map.of("psychological_safety", before),
                Map.of("psychological_safety", after));

        assertThat(verification.outcome()).isEqualTo(VerificationOutcome.INCONCLUSIVE);
        assertThat(verification.reasons()).singleElement().asString().contains("within its noise of ±22.6");
    }

    @Test
    void theSameRiseWithTightlyAgreeingAnswersIsAReduction() {
        // sd 5 from 6 respondents: margin ≈ 5.7 points, below the 15-point rise
        assertThat(outcome(
                        targeting("psychological_safety"),
                        Map.of("psychological_safety", MetricValue.measured(40, 5.0, 6)),
                        Map.of("psychological_safety", MetricValue.measured(55, 5.0, 6))))
                .isEqualTo(VerificationOutcome.REDUCED);
    }

    @Test
    void noChangeIsOnlyNotReducedWhenTheMeasurementIsPreciseEnoughToSaySo() {
        assertThat(outcome(
                        targeting("psychological_safety"),
                        Map.of("psychological_safety", MetricValue.measured(40, 3.0, 8)),
                        Map.of("psychological_safety", MetricValue.measured(41, 3.0, 8))))
                .isEqualTo(VerificationOutcome.NOT_REDUCED);
        assertThat(outcome(
                        targeting("psychological_safety"),
                        Map.of("psychological_safety", MetricValue.measured(40, 15.0, 8)),
                        Map.of("psychological_safety", MetricValue.measured(41, 15.0, 8))))
                .isEqualTo(VerificationOutcome.INCONCLUSIVE);
    }

    @Test
    void fewerThanFiveRespondentsIsInconclusiveHoweverLargeTheChange() {
        Verification verification = judgement.verify(
                targeting("psychological_safety"),
                Map.of("psychological_safety", MetricValue.measured(30, null, 4)),
                Map.of("psychological_safety", MetricValue.measured(80, null, 4)));

        assertThat(verification.outcome()).isEqualTo(VerificationOutcome.INCONCLUSIVE);
        assertThat(verification.reasons()).containsExactly("psychological_safety came from only 4 respondents");
    }

    @Test
    void forALowerIsBetterMetricADropIsAnImprovement() {
        Intervention handoffs = targeting("handoff_delay_hours");

        assertThat(outcome(
                        handoffs, Map.of("handoff_delay_hours", exact(30)), Map.of("handoff_delay_hours", exact(20))))
                .isEqualTo(VerificationOutcome.REDUCED);
        assertThat(outcome(
                        handoffs, Map.of("handoff_delay_hours", exact(20)), Map.of("handoff_delay_hours", exact(30))))
                .isEqualTo(VerificationOutcome.WORSENED);
    }

    @Test
    void oneWorsenedTargetOutweighsAnImprovedOne() {
        Verification verification = judgement.verify(
                targeting("psychological_safety", "engagement"),
                Map.of("psychological_safety", exact(40), "engagement", exact(70)),
                Map.of("psychological_safety", exact(60), "engagement", exact(60)));

        assertThat(verification.outcome()).isEqualTo(VerificationOutcome.WORSENED);
        assertThat(verification.reasons())
                .containsExactly(
                        "engagement worsened from 70.0 to 60.0", "psychological_safety improved from 40.0 to 60.0");
    }

    @Test
    void anImprovedTargetWithAnUnmeasuredOneStillCountsAsReduced() {
        Verification verification = judgement.verify(
                targeting("psychological_safety", "feedback_rate"),
                Map.of("psychological_safety", exact(40)),
                Map.of("psychological_safety", exact(60), "feedback_rate", exact(3)));

        assertThat(verification.outcome()).isEqualTo(VerificationOutcome.REDUCED);
        assertThat(verification.reasons()).contains("feedback_rate was not measured both times");
    }

    @Test
    void aSuppressedTargetCountsAsNotMeasured() {
        assertThat(outcome(
                        targeting("psychological_safety"),
                        Map.of("psychological_safety", exact(40)),
                        Map.of("psychological_safety", MetricValue.suppressedValue())))
                .isEqualTo(VerificationOutcome.INCONCLUSIVE);
    }

    @Test
    void noTargetMeasuredBothTimesIsInconclusive() {
        Verification verification = judgement.verify(
                targeting("psychological_safety"),
                Map.of("psychological_safety", exact(40)),
                Map.of("engagement", exact(80)));

        assertThat(verification.outcome()).isEqualTo(VerificationOutcome.INCONCLUSIVE);
        assertThat(verification.rules())
                .extracting(FiredRule::name)
                .contains("The outcome is inconclusive when no targeted metric could be judged");
    }

    @Test
    void theExplanationNamesOnlyTheRulesThatDecided() {
        Verification verification = judgement.verify(
                targeting("psychological_safety"),
                Map.of("psychological_safety", exact(40)),
                Map.of("psychological_safety", exact(70)));

        assertThat(verification.rules())
                .extracting(FiredRule::name)
                .containsExactly(
                        "A targeted metric that improved by five points and more than its noise improved",
                        "Friction is reduced when a targeted metric improved and none worsened");
    }
}
