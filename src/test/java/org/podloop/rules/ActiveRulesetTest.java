package org.podloop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podloop.support.ShippedRulesFolder;

/** Reloading the folder as a whole: DRL and catalogues are swapped together, or not at all. */
class ActiveRulesetTest {

    @TempDir
    Path folder;

    private final List<Object> published = new ArrayList<>();
    private ActiveRuleset active;

    @BeforeEach
    void serveACopyOfTheShippedRules() {
        ShippedRulesFolder.copyInto(folder);
        active = new ActiveRuleset(new RulesProperties(folder), List.of(), Clock.systemUTC(), published::add);
    }

    @AfterEach
    void release() {
        active.destroy();
    }

    private String informs(String metric) {
        return active.metrics().find(metric).orElseThrow().informs();
    }

    @Test
    void aReloadUnchangedFolderKeepsItsVersionAndAnnouncesNothing() {
        String before = active.version();

        assertThat(active.reload().version()).isEqualTo(before);
        assertThat(published).isEmpty();
    }

    @Test
    void anEditedMetricCatalogueIsANewVersionAndIsServedAfterTheReload() throws IOException {
        String before = active.version();
        Path metrics = folder.resolve("metrics.yaml");
        Files.writeString(
                metrics, Files.readString(metrics).replace("informs: DISENGAGEMENT", "informs: BURNOUT_RISK"));
        assertThat(informs("engagement"))
                .as("nothing changes before the reload")
                .isEqualTo("DISENGAGEMENT");

        RulesetInfo reloaded = active.reload();

        assertThat(reloaded.version()).isNotEqualTo(before).isEqualTo(active.version());
        assertThat(informs("engagement")).isEqualTo("BURNOUT_RISK");
        String servedWithTheRules = active.withCurrent(
                ruleset -> ruleset.metrics().find("engagement").orElseThrow().informs());
        assertThat(servedWithTheRules).isEqualTo("BURNOUT_RISK");
        assertThat(published).containsExactly(new RulesetActivated(reloaded.version(), before));
    }

    @Test
    void aBrokenMetricCatalogueIsRefusedAndTheServingRulesAndCataloguesStay() throws IOException {
        String before = active.version();
        Path metrics = folder.resolve("metrics.yaml");
        Files.writeString(
                metrics,
                Files.readString(metrics)
                        .replace("informs: DISENGAGEMENT", "informs: BURNOUT_RISK")
                        .replace("direction: LOWER_IS_BETTER", "direction: SIDEWAYS"));

        assertThatThrownBy(active::reload)
                .isInstanceOf(RulesetBuildException.class)
                .hasMessageContaining("metrics.yaml is not a valid catalogue");
        assertThat(active.version()).isEqualTo(before);
        assertThat(informs("engagement")).isEqualTo("DISENGAGEMENT");
        assertThat(published).isEmpty();
    }

    @Test
    void aCheckThatFailsRefusesTheWholeFolder() throws IOException {
        String before = active.version();
        ActiveRuleset checked = new ActiveRuleset(
                new RulesProperties(folder),
                List.of(candidate -> {
                    if (candidate
                            .metrics()
                            .find("engagement")
                            .orElseThrow()
                            .informs()
                            .equals("BURNOUT_RISK")) {
                        throw new RulesetBuildException(
                                "the self-check failed", List.of("engagement must inform DISENGAGEMENT"));
                    }
                }),
                Clock.systemUTC(),
                published::add);
        try {
            Path metrics = folder.resolve("metrics.yaml");
            Files.writeString(
                    metrics, Files.readString(metrics).replace("informs: DISENGAGEMENT", "informs: BURNOUT_RISK"));

            assertThatThrownBy(checked::reload)
                    .isInstanceOf(RulesetBuildException.class)
                    .hasMessageContaining("engagement must inform DISENGAGEMENT");
            assertThat(checked.version()).isEqualTo(before);
            assertThat(checked.metrics().find("engagement").orElseThrow().informs())
                    .isEqualTo("DISENGAGEMENT");
        } finally {
            checked.destroy();
        }
    }
}
