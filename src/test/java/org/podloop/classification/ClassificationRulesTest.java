package org.podloop.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.podloop.rules.Ruleset;
import org.podloop.signal.MetricValue;

/** rules/classification.drl: every threshold just inside and just outside, then the trend rules. */
class ClassificationRulesTest {

    private final Judgement judgement = ShippedRules.judgement();

    @ParameterizedTest(name = "{0} = {1} → {2} {3}")
    @CsvSource({
        "psychological_safety,   44.9,  SUPPRESSED_FEEDBACK,     HIGH",
        "psychological_safety,   45,    SUPPRESSED_FEEDBACK,     MEDIUM",
        "psychological_safety,   59.9,  SUPPRESSED_FEEDBACK,     MEDIUM",
        "psychological_safety,   60,    -,                       -",
        "feedback_rate,          0.9,   SUPPRESSED_FEEDBACK,     LOW",
        "feedback_rate,          1,     -,                       -",
        "dissent_voiced,         9.9,   HIDDEN_DISAGREEMENT,     HIGH",
        "dissent_voiced,         10,    HIDDEN_DISAGREEMENT,     MEDIUM",
        "dissent_voiced,         24.9,  HIDDEN_DISAGREEMENT,     MEDIUM",
        "dissent_voiced,         25,    -,                       -",
        "ownership_clarity,      49.9,  UNCLEAR_OWNERSHIP,       HIGH",
        "ownership_clarity,      50,    UNCLEAR_OWNERSHIP,       MEDIUM",
        "ownership_clarity,      69.9,  UNCLEAR_OWNERSHIP,       MEDIUM",
        "ownership_clarity,      70,    -,                       -",
        "decision_latency_days,  10.1,  UNCLEAR_OWNERSHIP,       LOW",
        "decision_latency_days,  10,    -,                       -",
        "handoff_delay_hours,    72.1,  DELAYED_HANDOFFS,        HIGH",
        "handoff_delay_hours,    72,    DELAYED_HANDOFFS,        MEDIUM",
        "handoff_delay_hours,    24.1,  DELAYED_HANDOFFS,        MEDIUM",
        "handoff_delay_hours,    24,    -,                       -",
        "engagement,             39.9,  DISENGAGEMENT,           HIGH",
        "engagement,             40,    DISENGAGEMENT,           MEDIUM",
        "engagement,             54.9,  DISENGAGEMENT,           MEDIUM",
        "engagement,             55,    -,                       -",
        "alignment,              39.9,  MISALIGNMENT,            HIGH",
        "alignment,              40,    MISALIGNMENT,            MEDIUM",
        "alignment,              54.9,  MISALIGNMENT,            MEDIUM",
        "alignment,              55,    -,                       -",
        "wellbeing,              34.9,  BURNOUT_RISK,            HIGH",
        "wellbeing,              35,    BURNOUT_RISK,            MEDIUM",
        "wellbeing,              49.9,  BURNOUT_RISK,            MEDIUM",
        "wellbeing,              50,    -,                       -",
        "delivery_gap,           25.1,  EXECUTION_INTEGRITY_GAP, HIGH",
        "delivery_gap,           25,    EXECUTION_INTEGRITY_GAP, MEDIUM",
        "delivery_gap,           10.1,  EXECUTION_INTEGRITY_GAP, MEDIUM",
        "delivery_gap,           10,    -,                       -",
        "commitment_reliability, 69.9,  EXECUTION_INTEGRITY_GAP, MEDIUM",
        "commitment_reliability, 70,    -,                       -",
        "rework_rate,            25.1,  EXECUTION_INTEGRITY_GAP, LOW",
        "rework_rate,            25,    -,                       -"
    })
    void eachThresholdIsExactWhereTheRuleSaysItIs(String metric, double value, String pattern, String severity) {
        List<FindingView> findings = judgement.classify(Map.of(metric, value), 8);

        if (pattern.equals("-")) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.pattern()).isEqualTo(pattern);
                assertThat(finding.severity()).isEqualTo(severity);
                assertThat(finding.evidence())
                        .singleElement()
                        .satisfies(e -> assertThat(e.metric()).isEqualTo(metric));
            });
        }
    }

    @Test
    void aFindingExplainsItselfWithTheRuleItsThresholdAndTheMatchedValue() {
        FindingView finding = judgement
                .classify(Map.of("psychological_safety", 38.0, "engagement", 70.0), 6)
                .get(0);

        assertThat(finding.evidence())
                .containsExactly(new Evidence("psychological_safety", 38.0, "psychological_safety < 45"));
        assertThat(finding.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("Very low psychological safety signals suppressed feedback");
            assertThat(rule.metadata())
                    .containsEntry("pattern", "SUPPRESSED_FEEDBACK")
                    .containsKey("description");
            assertThat(rule.matched()).containsExactly("psychological_safety=38.0");
        });
        assertThat(finding.rulesetVersion()).isEqualTo(ShippedRules.ruleset().version());
    }

    @Test
    void twoSignalsOfOnePatternMakeOneFindingAtTheHigherSeverityWithBothAsEvidence() {
        List<FindingView> findings = judgement.classify(Map.of("psychological_safety", 50.0, "feedback_rate", 0.5), 8);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo("MEDIUM");
            assertThat(finding.evidence())
                    .extracting(Evidence::metric)
                    .containsExactlyInAnyOrder("psychological_safety", "feedback_rate");
            assertThat(finding.rules()).hasSize(2);
        });
    }

    /** A healthy psychological-safety mean, so only the spread of the answers can raise a finding. */
    private List<FindingView> psychologicalSafetySpread(Double sd, int respondents) {
        return judgement.classifyMeasured(
                Map.of("psychological_safety", MetricValue.measured(72, sd, respondents)), respondents, List.of());
    }

    @ParameterizedTest(name = "sd {0} from {1} respondents → {2}")
    @CsvSource({
        "24.99, 5,  -",
        "25,    5,  MEDIUM",
        "25.01, 5,  MEDIUM",
        "40,    12, MEDIUM",
        "40,    4,  -",
        "0,     5,  -"
    })
    void stronglySplitPsychologicalSafetyAnswersAreHiddenDisagreement(double sd, int respondents, String severity) {
        List<FindingView> findings = psychologicalSafetySpread(sd, respondents);

        if (severity.equals("-")) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.pattern()).isEqualTo("HIDDEN_DISAGREEMENT");
                assertThat(finding.severity()).isEqualTo(severity);
            });
        }
    }

    @Test
    void withoutAStandardDeviationTheSpreadRuleStaysSilent() {
        // a computed value or an old snapshot: no sd stored
        assertThat(psychologicalSafetySpread(null, 20)).isEmpty();
        assertThat(judgement.classify(Map.of("psychological_safety", 72.0), 20)).isEmpty();
    }

    @Test
    void theSpreadIsTheEvidenceOfADisagreementFindingAndTheMeanStillJudgesSafety() {
        List<FindingView> findings = judgement.classifyMeasured(
                Map.of("psychological_safety", MetricValue.measured(50, 31.5, 6)), 6, List.of());

        assertThat(findings)
                .extracting(FindingView::pattern)
                .containsExactly("HIDDEN_DISAGREEMENT", "SUPPRESSED_FEEDBACK");
        FindingView disagreement = findings.get(0);
        assertThat(disagreement.evidence())
                .containsExactly(new Evidence(
                        "psychological_safety",
                        31.5,
                        "sd(psychological_safety) >= 25, 5 or more respondents",
                        null,
                        "sd"));
        assertThat(disagreement.evidence().get(0).label()).isEqualTo("psychological_safety sd");
        assertThat(disagreement.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.name())
                    .isEqualTo("A team strongly split on psychological safety signals hidden disagreement");
            assertThat(rule.metadata())
                    .containsEntry("pattern", "HIDDEN_DISAGREEMENT")
                    .containsEntry("threshold", "sd(psychological_safety) >= 25, 5 or more respondents")
                    .containsKey("description");
            assertThat(rule.matched()).containsExactly("psychological_safety=50.0 (sd 31.5, 6 respondents)");
        });
        assertThat(findings.get(1).evidence())
                .containsExactly(new Evidence("psychological_safety", 50.0, "45 <= psychological_safety < 60"));
    }

    @Test
    void aSplitAndLittleRecordedDissentMakeOneHiddenDisagreementFindingWithBothAsEvidence() {
        List<FindingView> findings = judgement.classifyMeasured(
                Map.of(
                        "psychological_safety", MetricValue.measured(72, 28.0, 8),
                        "dissent_voiced", MetricValue.measured(5, null, 8)),
                8,
                List.of());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.pattern()).isEqualTo("HIDDEN_DISAGREEMENT");
            assertThat(finding.severity()).isEqualTo("HIGH");
            assertThat(finding.evidence())
                    .extracting(Evidence::label)
                    .containsExactlyInAnyOrder("psychological_safety sd", "dissent_voiced");
        });
    }

    @Test
    void theSpreadOfOtherSurveyMetricsRaisesNoDisagreement() {
        assertThat(judgement.classifyMeasured(Map.of("engagement", MetricValue.measured(75, 35.0, 10)), 10, List.of()))
                .isEmpty();
    }

    private static Map<String, Double> engagement(double value) {
        return Map.of("engagement", value);
    }

    @Test
    void aMetricWorseningTwiceByFivePointsRaisesItsFindingOneLevelAndShowsThePreviousValues() {
        // 60 → 56 → 52: two declines, 8 points worse; 52 alone is MEDIUM
        FindingView finding = judgement
                .classify(engagement(52), 8, List.of(engagement(56), engagement(60)))
                .get(0);

        assertThat(finding.severity()).isEqualTo("HIGH");
        assertThat(finding.rules())
                .extracting(FiredRule::name)
                .containsExactly(
                        "Low engagement signals disengagement",
                        "A metric that worsened in each of the last two snapshots raises its finding one level");
        assertThat(finding.evidence())
                .contains(new Evidence(
                        "engagement", 52.0, "2 consecutive declines, 5 or more in total", List.of(56.0, 60.0)));
    }

    @Test
    void aWorseningTrendAboveEveryThresholdIsAnEarlyLowFinding() {
        // 75 → 68 → 62: still above 55, but 13 points down in two steps
        List<FindingView> findings = judgement.classify(engagement(62), 8, List.of(engagement(68), engagement(75)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.pattern()).isEqualTo("DISENGAGEMENT");
            assertThat(finding.severity()).isEqualTo("LOW");
        });
    }

    @Test
    void justUnderTheTrendThresholdsNothingIsRaised() {
        // one decline only
        assertThat(judgement
                        .classify(engagement(52), 8, List.of(engagement(60), engagement(58)))
                        .get(0)
                        .severity())
                .isEqualTo("MEDIUM");
        // two declines, but only 4.9 points in total
        assertThat(judgement
                        .classify(engagement(52.1), 8, List.of(engagement(54), engagement(57)))
                        .get(0)
                        .severity())
                .isEqualTo("MEDIUM");
        // 4.9 points above every threshold: no early finding
        assertThat(judgement.classify(engagement(70.1), 8, List.of(engagement(72), engagement(75))))
                .isEmpty();
    }

    @Test
    void exactlyAtTheTrendThresholdsTheFindingIsRaised() {
        assertThat(judgement
                        .classify(engagement(52), 8, List.of(engagement(54), engagement(57)))
                        .get(0)
                        .severity())
                .isEqualTo("HIGH");
    }

    @Test
    void aLowerIsBetterMetricWorsensByRising() {
        Map<String, Double> now = Map.of("handoff_delay_hours", 30.0);
        FindingView finding = judgement
                .classify(now, 8, List.of(Map.of("handoff_delay_hours", 26.0), Map.of("handoff_delay_hours", 20.0)))
                .get(0);

        assertThat(finding.pattern()).isEqualTo("DELAYED_HANDOFFS");
        assertThat(finding.severity()).isEqualTo("HIGH");
    }

    @Test
    void aHighFindingStaysHigh() {
        assertThat(judgement
                        .classify(engagement(30), 8, List.of(engagement(36), engagement(45)))
                        .get(0)
                        .severity())
                .isEqualTo("HIGH");
    }

    @Test
    void everyRuleCarriesPatternAndDescription() {
        ShippedRules.ruleset().kieBase().getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .forEach(rule ->
                        assertThat(Ruleset.metadataOf(rule)).as(rule.getName()).containsKeys("pattern", "description"));
    }

    @Test
    void everyPatternOfHumanAndExecutionDebtHasRules() {
        assertThat(ShippedRules.ruleset().kieBase().getKiePackages().stream()
                        .flatMap(p -> p.getRules().stream())
                        .map(rule -> Ruleset.metadataOf(rule).get("pattern"))
                        .distinct())
                .contains(
                        "SUPPRESSED_FEEDBACK",
                        "HIDDEN_DISAGREEMENT",
                        "UNCLEAR_OWNERSHIP",
                        "DELAYED_HANDOFFS",
                        "DISENGAGEMENT",
                        "MISALIGNMENT",
                        "BURNOUT_RISK",
                        "EXECUTION_INTEGRITY_GAP");
    }
}
