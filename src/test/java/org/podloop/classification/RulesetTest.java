package org.podloop.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building the rules folder: versioning by content and refusing what does not build. */
class RulesetTest {

    @TempDir
    Path folder;

    private Ruleset build() {
        return Ruleset.build(folder, key -> ShippedRules.METRICS.find(key).isPresent(), Instant.now());
    }

    private void copyShippedRules() throws IOException {
        try (Stream<Path> files = Files.list(ShippedRules.FOLDER)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
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

        assertThatThrownBy(this::build).isInstanceOf(RulesetBuildException.class)
                .satisfies(e -> assertThat(((RulesetBuildException) e).problems()).isNotEmpty()
                        .allSatisfy(problem -> assertThat(problem).startsWith("broken.drl:")));
    }

    @Test
    void aCatalogueEntryTargetingAnUnknownMetricIsRefused() throws IOException {
        copyShippedRules();
        Path catalogue = folder.resolve("interventions.yaml");
        Files.writeString(catalogue, Files.readString(catalogue).replace("[psychological_safety, feedback_rate]",
                "[psychological_safety, happiness]"));

        assertThatThrownBy(this::build).isInstanceOf(RulesetBuildException.class)
                .hasMessageContaining("interventions[0]: unknown metric 'happiness'");
    }

    @Test
    void aFolderWithoutRulesIsRefused() {
        assertThatThrownBy(this::build).isInstanceOf(RulesetBuildException.class).hasMessageContaining("no .drl files");
    }
}
