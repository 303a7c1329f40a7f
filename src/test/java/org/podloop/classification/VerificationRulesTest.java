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

    /** Both measurements with this sd from 8 respondents each. */
    private static Map<String, MetricValue> spread(String metric, double mean, double sd) {
        return Map.of(metric, MetricValue.measured(mean, sd, 8));
    }

    private VerificationOutcome outcome(String metric, MetricValue before, MetricValue after) {
        return outcome(targeting(metric), Map.of(metric, before), Map.of(metric, after));
    }

    @ParameterizedTest(name = "psychological_safety 50 → {0}: {1}")
    @CsvSource({"55,    REDUCED", "54.9,  NOT_REDUCED", "50,    NOT_REDUCED", "45.1,  NOT_REDUCED", "45,    WORSENED"})
    void withoutSpreadFivePointsEitherWayIsTheBoundary(double remeasure, VerificationOutcome outcome) {
        Verification verification = judgement.verify(
                targeting("psychological_safety"),
                Map.of("psychological_safety", exact(50)),
                Map.of("psychological_safety", exact(remeasure)));

        assertThat(verification.outcome()).isEqualTo(outcome);
        assertThat(verification.reasons()).singleElement().asString().startsWith("Psychological safety ");
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
        assertThat(verification.reasons()).containsExactly("Psychological safety came from only 4 respondents");
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
                        "Engagement worsened from 70 to 60 points (by 10, at least the 5 that counts as a change)",
                        "Psychological safety improved from 40 to 60 points (by 20, at least the 5 that counts as a change)");
    }

    @Test
    void anImprovedTargetWithAnUnmeasuredOneStillCountsAsReduced() {
        Verification verification = judgement.verify(
                targeting("psychological_safety", "feedback_rate"),
                Map.of("psychological_safety", exact(40)),
                Map.of("psychological_safety", exact(60), "feedback_rate", exact(3)));

        assertThat(verification.outcome()).isEqualTo(VerificationOutcome.REDUCED);
        assertThat(verification.reasons()).contains("Feedback rate was not measured both times");
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
                        "A targeted metric that improved by at least its minimal change and more than its noise improved",
                        "Friction is reduced when a targeted metric improved and none worsened");
    }
    // The minimal change is each metric's own, in its own unit (metrics.yaml): just below, at and just
    // above it, without and with noise, for a 0–100 score and for a rate and a duration.

    @ParameterizedTest(name = "psychological_safety 50 → {0} with sd 3 (noise ±2.9): {1}")
    @CsvSource({
        "54.9,  NOT_REDUCED",
        "55,    REDUCED",
        "55.1,  REDUCED",
        "45.1,  NOT_REDUCED",
        "45,    WORSENED",
        "44.9,  WORSENED"
    })
    void onAHundredPointScoreFivePointsBeyondASmallNoiseIsTheBoundary(double remeasure, VerificationOutcome expected) {
        // sd 3 from 8 respondents on both sides: margin 1.96 × √(9/8 + 9/8) ≈ 2.9 points, below the 5 that count
        assertThat(outcome(
                        "psychological_safety",
                        MetricValue.measured(50, 3.0, 8),
                        MetricValue.measured(remeasure, 3.0, 8)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "psychological_safety 50 → {0} with sd 10 (noise ±9.8): {1}")
    @CsvSource({"54.9, INCONCLUSIVE", "55, INCONCLUSIVE", "59.7, INCONCLUSIVE", "59.9, REDUCED", "40.1, WORSENED"})
    void onAHundredPointScoreANoiseWiderThanFivePointsMustBeExceededToo(
            double remeasure, VerificationOutcome expected) {
        // sd 10 from 8 respondents: margin 1.96 × √(100/8 + 100/8) = 9.8 points
        assertThat(outcome(
                        "psychological_safety",
                        MetricValue.measured(50, 10.0, 8),
                        MetricValue.measured(remeasure, 10.0, 8)))
                .isEqualTo(expected);
    }

    @Test
    void theReasonNamesTheMetricByTitleWithItsUnitTheChangeThatCountsAndTheNoise() {
        Verification verification = judgement.verify(
                targeting("psychological_safety"),
                spread("psychological_safety", 50, 3.0),
                spread("psychological_safety", 55, 3.0));

        assertThat(verification.reasons())
                .containsExactly("Psychological safety improved from 50 to 55 points"
                        + " (by 5, at least the 5 that counts as a change, and beyond its noise of ±2.9)");
    }

    @Test
    void aFeedbackRateThatTripledImprovedAlthoughItMovedLessThanFivePoints() {
        Verification verification = judgement.verify(
                targeting("feedback_rate"), Map.of("feedback_rate", exact(0.8)), Map.of("feedback_rate", exact(2.4)));

        assertThat(verification.outcome()).isEqualTo(VerificationOutcome.REDUCED);
        assertThat(verification.reasons())
                .containsExactly("Feedback rate improved from 0.8 to 2.4 events per person per sprint"
                        + " (by 1.6, at least the 0.2 that counts as a change)");
        assertThat(verification.rules())
                .extracting(FiredRule::name)
                .contains(
                        "A targeted metric that improved by at least its minimal change and more than its noise improved");
    }

    @ParameterizedTest(name = "feedback_rate 0.8 → {0}: {1}")
    @CsvSource({
        "0.99,  NOT_REDUCED",
        "1.0,   REDUCED",
        "1.01,  REDUCED",
        "0.61,  NOT_REDUCED",
        "0.6,   WORSENED",
        "0.59,  WORSENED"
    })
    void aLowFeedbackRateCountsFromTheFloorOfAFifthOfAnEventPerPersonPerSprint(
            double remeasure, VerificationOutcome expected) {
        // 20% of 0.8 is 0.16, below the 0.2 floor: 0.2 counts
        assertThat(outcome("feedback_rate", exact(0.8), exact(remeasure))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "feedback_rate 3 → {0}: {1}")
    @CsvSource({"3.59, NOT_REDUCED", "3.6, REDUCED", "3.61, REDUCED", "2.41, NOT_REDUCED", "2.4, WORSENED"})
    void aHigherFeedbackRateCountsFromAFifthOfWhereItStarted(double remeasure, VerificationOutcome expected) {
        // 20% of 3 is 0.6, above the 0.2 floor
        assertThat(outcome("feedback_rate", exact(3), exact(remeasure))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "feedback_rate 3 → {0} with sd {1}: {2}")
    @CsvSource({
        // sd 0.5 from 8 respondents: margin 1.96 × √(0.25/8 + 0.25/8) = 0.49, below the 0.6 that counts
        "3.59,  0.5,  NOT_REDUCED",
        "3.6,   0.5,  REDUCED",
        "2.4,   0.5,  WORSENED",
        // sd 1 from 8 respondents: margin 0.98, above the 0.6 that counts
        "3.6,   1.0,  INCONCLUSIVE",
        "3.5,   1.0,  INCONCLUSIVE",
        "3.97,  1.0,  INCONCLUSIVE",
        "4.0,   1.0,  REDUCED"
    })
    void aFeedbackRateMustAlsoMoveBeyondItsNoise(double remeasure, double sd, VerificationOutcome expected) {
        assertThat(outcome("feedback_rate", MetricValue.measured(3, sd, 8), MetricValue.measured(remeasure, sd, 8)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "handoff_delay_hours 30 → {0}: {1}")
    @CsvSource({
        "24.01, NOT_REDUCED",
        "24,    REDUCED",
        "23.99, REDUCED",
        "35.99, NOT_REDUCED",
        "36,    WORSENED",
        "36.01, WORSENED"
    })
    void aHandoffDelayCountsWhenItFellOrRoseByAFifthOfWhereItStarted(double remeasure, VerificationOutcome expected) {
        // lower is better; 20% of 30 hours is 6 hours, above the 2-hour floor
        assertThat(outcome("handoff_delay_hours", exact(30), exact(remeasure))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "handoff_delay_hours 5 → {0}: {1}")
    @CsvSource({"3.01, NOT_REDUCED", "3, REDUCED", "6.99, NOT_REDUCED", "7, WORSENED"})
    void aShortHandoffDelayCountsFromTheTwoHourFloor(double remeasure, VerificationOutcome expected) {
        // 20% of 5 hours is 1 hour, below the 2-hour floor
        assertThat(outcome("handoff_delay_hours", exact(5), exact(remeasure))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "handoff_delay_hours 30 → {0} with sd {1}: {2}")
    @CsvSource({
        // sd 4 from 8 respondents: margin 1.96 × √(16/8 + 16/8) = 3.92 hours, below the 6 that count
        "24.01, 4,  NOT_REDUCED",
        "24,    4,  REDUCED",
        "36,    4,  WORSENED",
        // sd 8: margin 7.84 hours, above the 6 that count
        "24,    8,  INCONCLUSIVE",
        "22.2,  8,  INCONCLUSIVE",
        "22,    8,  REDUCED",
        "38,    8,  WORSENED"
    })
    void aHandoffDelayMustAlsoMoveBeyondItsNoise(double remeasure, double sd, VerificationOutcome expected) {
        assertThat(outcome(
                        "handoff_delay_hours", MetricValue.measured(30, sd, 8), MetricValue.measured(remeasure, sd, 8)))
                .isEqualTo(expected);
    }

    @Test
    void aHandoffDelayReasonSaysHoursAndWhichWayIsBetter() {
        assertThat(judgement
                        .verify(
                                targeting("handoff_delay_hours"),
                                spread("handoff_delay_hours", 30, 4.0),
                                spread("handoff_delay_hours", 24, 4.0))
                        .reasons())
                .containsExactly("Handoff delay improved from 30 to 24 hours"
                        + " (by 6, at least the 6 that counts as a change, and beyond its noise of ±3.9)");
        assertThat(judgement.verify(
                        targeting("handoff_delay_hours"),
                        Map.of("handoff_delay_hours", exact(30)),
                        Map.of("handoff_delay_hours", exact(27))))
                .satisfies(v -> assertThat(v.outcome()).isEqualTo(VerificationOutcome.NOT_REDUCED))
                .satisfies(v -> assertThat(v.reasons())
                        .containsExactly("Handoff delay moved less than the 6 that counts as a change,"
                                + " from 30 to 27 hours"));
        assertThat(judgement
                        .verify(
                                targeting("handoff_delay_hours"),
                                spread("handoff_delay_hours", 30, 8.0),
                                spread("handoff_delay_hours", 24, 8.0))
                        .reasons())
                .containsExactly("Handoff delay changed from 30 to 24 hours, within its noise of ±7.8");
    }

    @Test
    void noReasonClaimsFivePointsForAMetricThatIsNotInPoints() {
        Verification verification = judgement.verify(
                targeting("feedback_rate", "handoff_delay_hours", "decision_latency_days"),
                Map.of("feedback_rate", exact(2), "handoff_delay_hours", exact(30), "decision_latency_days", exact(4)),
                Map.of(
                        "feedback_rate",
                        exact(2.1),
                        "handoff_delay_hours",
                        exact(29),
                        "decision_latency_days",
                        exact(3.8)));

        assertThat(verification.outcome()).isEqualTo(VerificationOutcome.NOT_REDUCED);
        assertThat(verification.reasons())
                .containsExactly(
                        "Decision latency moved less than the 0.8 that counts as a change, from 4 to 3.8 days",
                        "Feedback rate moved less than the 0.4 that counts as a change,"
                                + " from 2 to 2.1 events per person per sprint",
                        "Handoff delay moved less than the 6 that counts as a change, from 30 to 29 hours")
                .noneMatch(reason -> reason.contains("five points"));
    }
}
