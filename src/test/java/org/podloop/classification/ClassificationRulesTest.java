package org.podloop.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** rules/classification.drl */
class ClassificationRulesTest {

    private final Judgement judgement = ShippedRules.judgement();

    @ParameterizedTest(name = "psychological_safety {0} → {1}")
    @CsvSource({
            "0,     HIGH",
            "44.9,  HIGH",
            "45,    MEDIUM",
            "59.9,  MEDIUM",
            "60,    NONE",
            "100,   NONE"})
    void psychologicalSafetyBelowSixtySignalsSuppressedFeedback(double value, String severity) {
        List<FindingView> findings = judgement.classify(Map.of("psychological_safety", value), 5);

        if (severity.equals("NONE")) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.pattern()).isEqualTo("SUPPRESSED_FEEDBACK");
                assertThat(finding.severity()).isEqualTo(severity);
            });
        }
    }

    @Test
    void aFindingExplainsItselfWithTheRuleItsThresholdAndTheMatchedValue() {
        FindingView finding = judgement.classify(Map.of("psychological_safety", 38.0, "engagement", 70.0), 6).get(0);

        assertThat(finding.evidence()).containsExactly(new Evidence("psychological_safety", 38.0, "psychological_safety < 45"));
        assertThat(finding.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("Very low psychological safety signals suppressed feedback");
            assertThat(rule.metadata()).containsEntry("pattern", "SUPPRESSED_FEEDBACK").containsKey("description");
            assertThat(rule.matched()).containsExactly("psychological_safety=38.0");
        });
        assertThat(finding.rulesetVersion()).isEqualTo(ShippedRules.ruleset().version());
    }

    @Test
    void metricsWithoutAClassificationRuleRaiseNothing() {
        assertThat(judgement.classify(Map.of("engagement", 5.0, "rework_rate", 90.0), 5)).isEmpty();
    }

    @Test
    void everyRuleCarriesPatternAndDescription() {
        ShippedRules.ruleset().kieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .forEach(rule -> assertThat(RuleRun.metadataOf(rule))
                        .as(rule.getName()).containsKeys("pattern", "description"));
    }
}
