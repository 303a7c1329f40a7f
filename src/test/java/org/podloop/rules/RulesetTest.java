package org.podloop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.podloop.support.ShippedRulesFolder;

/** Building the rules folder: versioning by the content of every file and refusing what does not build. */
class RulesetTest {

    @TempDir
    Path folder;

    private Ruleset build() {
        return Ruleset.build(folder, Instant.now());
    }

    private void copyShippedRules() {
        ShippedRulesFolder.copyInto(folder);
    }

    @Test
    void theVersionIsTheContentSoTheSameFolderBuildsTheSameVersionAndAnEditANewOne() throws IOException {
        copyShippedRules();
        String first;
        try (Ruleset ruleset = build()) {
            first = ruleset.version();
        }
        try (Ruleset again = build()) {
            assertThat(again.version()).isEqualTo(first);
        }
        Path drl = folder.resolve("classification.drl");
        Files.writeString(drl, Files.readString(drl).replace("value < 45", "value < 40"));
        try (Ruleset edited = build()) {
            assertThat(edited.version()).isNotEqualTo(first).hasSize(12);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"classification.drl", "verification.drl", "metrics.yaml", "interventions.yaml", "self-check.yaml"
            })
    void everyFileOfTheFolderIsPartOfTheVersion(String file) throws IOException {
        copyShippedRules();
        String shipped;
        try (Ruleset ruleset = build()) {
            shipped = ruleset.version();
        }
        Path edited = folder.resolve(file);
        String comment = file.endsWith(".drl") ? "// reviewed again\n" : "# reviewed again\n";
        Files.writeString(edited, Files.readString(edited) + comment);

        try (Ruleset ruleset = build()) {
            assertThat(ruleset.version()).isNotEqualTo(shipped);
        }
    }

    @Test
    void filesTheRulesetDoesNotReadAreNotPartOfTheVersion() throws IOException {
        copyShippedRules();
        String shipped;
        try (Ruleset ruleset = build()) {
            shipped = ruleset.version();
        }
        Files.writeString(folder.resolve("NOTES.md"), "not a rule");

        try (Ruleset ruleset = build()) {
            assertThat(ruleset.version()).isEqualTo(shipped);
        }
    }

    @Test
    void theMetricCatalogueIsBuiltWithTheRules() {
        copyShippedRules();
        try (Ruleset ruleset = build()) {
            assertThat(ruleset.metrics().find("engagement"))
                    .hasValueSatisfying(m -> assertThat(m.informs()).isEqualTo("DISENGAGEMENT"));
            assertThat(ruleset.metrics().all()).hasSize(12);
        }
    }

    @Test
    void aMetricCatalogueEntryWithoutDirectionOrScaleIsRefusedNamingTheEntry() throws IOException {
        copyShippedRules();
        Path metrics = folder.resolve("metrics.yaml");
        Files.writeString(
                metrics,
                Files.readString(metrics)
                        .replaceFirst("\n    direction: HIGHER_IS_BETTER", "")
                        .replaceFirst("max: 100\n", "max: 0\n"));

        assertThatThrownBy(this::build)
                .isInstanceOf(RulesetBuildException.class)
                .hasMessageContaining("the metric catalogue is invalid")
                .satisfies(e -> assertThat(((RulesetBuildException) e).problems())
                        .containsExactly(
                                "metrics.yaml: metrics[0]: direction must be HIGHER_IS_BETTER or LOWER_IS_BETTER",
                                "metrics.yaml: metrics[0]: min must be below max"));
    }

    @Test
    void eachMetricCountsAChangeInItsOwnUnitAndWithoutOneFivePercentOfItsScale() throws IOException {
        copyShippedRules();
        try (Ruleset ruleset = build()) {
            assertThat(ruleset.metrics()
                            .find("psychological_safety")
                            .orElseThrow()
                            .minimalChange(50))
                    .isEqualTo(5);
            Metric feedback = ruleset.metrics().find("feedback_rate").orElseThrow();
            assertThat(feedback.minimalChange(0.8)).as("the floor").isEqualTo(0.2);
            assertThat(feedback.minimalChange(3)).as("a fifth of the baseline").isEqualTo(0.6, within(1e-9));
            Metric handoffs = ruleset.metrics().find("handoff_delay_hours").orElseThrow();
            assertThat(handoffs.minimalChange(5)).isEqualTo(2);
            assertThat(handoffs.minimalChange(30)).isEqualTo(6, within(1e-9));
        }
        Path metrics = folder.resolve("metrics.yaml");
        Files.writeString(
                metrics,
                Files.readString(metrics)
                        .replaceAll("\n    minimalChange: [0-9.]+", "")
                        .replaceAll("\n    relativeChange: [0-9.]+", ""));
        try (Ruleset ruleset = build()) {
            assertThat(ruleset.metrics().find("engagement").orElseThrow().minimalChange(50))
                    .isEqualTo(5);
            assertThat(ruleset.metrics().find("delivery_gap").orElseThrow().minimalChange(0))
                    .as("5% of −100–100")
                    .isEqualTo(10);
            assertThat(ruleset.metrics()
                            .find("handoff_delay_hours")
                            .orElseThrow()
                            .minimalChange(30))
                    .as("5% of 0–2000 hours")
                    .isEqualTo(100);
        }
    }

    @Test
    void aMinimalChangeOutsideTheScaleOrARelativeChangeAboveTheWholeBaselineIsRefused() throws IOException {
        copyShippedRules();
        Path metrics = folder.resolve("metrics.yaml");
        Files.writeString(
                metrics,
                Files.readString(metrics)
                        .replaceFirst("minimalChange: 5\n", "minimalChange: 0\n")
                        .replaceFirst("relativeChange: 0.2\n", "relativeChange: 1.5\n"));

        assertThatThrownBy(this::build)
                .isInstanceOf(RulesetBuildException.class)
                .satisfies(
                        e -> assertThat(((RulesetBuildException) e).problems())
                                .containsExactly(
                                        "metrics.yaml: metrics[0]: minimalChange must be above 0 and at most the scale (max − min)",
                                        "metrics.yaml: metrics[4]: relativeChange must be a share of the baseline above 0 and at most 1"));
    }

    @Test
    void aMetricCatalogueThatIsNotValidYamlIsRefusedNamingTheFile() throws IOException {
        copyShippedRules();
        Path metrics = folder.resolve("metrics.yaml");
        Files.writeString(metrics, Files.readString(metrics).replaceFirst("min: 0", "minimum: 0"));

        assertThatThrownBy(this::build)
                .isInstanceOf(RulesetBuildException.class)
                .hasMessageContaining("metrics.yaml is not a valid catalogue")
                .satisfies(e -> assertThat(((RulesetBuildException) e).problems())
                        .singleElement()
                        .asString()
                        .matches("metrics\\.yaml:\\d+: .*\"minimum\".*"));
    }

    @Test
    void aFolderWithoutAMetricCatalogueIsRefused() throws IOException {
        copyShippedRules();
        Files.delete(folder.resolve("metrics.yaml"));

        assertThatThrownBy(this::build)
                .isInstanceOf(RulesetBuildException.class)
                .hasMessageContaining("no metrics.yaml");
    }

    @Test
    void aBrokenDrlIsRefusedNamingFileAndLine() throws IOException {
        copyShippedRules();
        Files.writeString(folder.resolve("broken.drl"), """
                package podloop.broken;

                rule "Half a rule"
                when
                    NoSuchFact(
                then
                end
                """);

        assertThatThrownBy(this::build)
                .isInstanceOf(RulesetBuildException.class)
                .satisfies(e -> assertThat(((RulesetBuildException) e).problems())
                        .isNotEmpty()
                        .allSatisfy(problem -> assertThat(problem).startsWith("broken.drl:")));
    }

    @Test
    void aCatalogueEntryTargetingAnUnknownMetricIsRefused() throws IOException {
        copyShippedRules();
        Path catalogue = folder.resolve("interventions.yaml");
        Files.writeString(
                catalogue,
                Files.readString(catalogue)
                        .replace("[psychological_safety, feedback_rate]", "[psychological_safety, happiness]"));

        assertThatThrownBy(this::build)
                .isInstanceOf(RulesetBuildException.class)
                .hasMessageContaining("interventions[0]: unknown metric 'happiness'");
    }

    @Test
    void aFolderWithoutRulesIsRefused() {
        assertThatThrownBy(this::build)
                .isInstanceOf(RulesetBuildException.class)
                .hasMessageContaining("no .drl files");
    }
}
