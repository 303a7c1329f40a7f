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
    void aRuleChangeThatBreaksASelfCheckScenarioIsRefusedNamingTheScenario() throws IOException {
        copyShippedRules();
        Path drl = folder.resolve("classification.drl");
        Files.writeString(drl, Files.readString(drl).replace("Signal(metric == \"delivery_gap\", value > 25)",
                "Signal(metric == \"delivery_gap\", value > 35)"));

        assertThatThrownBy(() -> new ActiveRuleset(folder, ShippedRules.METRICS, java.time.Clock.systemUTC()))
                .isInstanceOf(RulesetBuildException.class)
                .hasMessageContaining("self-check.yaml: a reported-versus-verified gap of 30 points is execution debt");
    }

    @Test
    void classificationsDuringReloadsNeverFailAndEachNamesAVersionThatExisted() throws Exception {
        copyShippedRules();
        ActiveRuleset active = new ActiveRuleset(folder, ShippedRules.METRICS, java.time.Clock.systemUTC());
        Path drl = folder.resolve("classification.drl");
        String original = Files.readString(drl);
        String edited = original.replace("value >= 45, value < 60", "value >= 45, value < 61");
        java.util.Set<String> versions = java.util.concurrent.ConcurrentHashMap.newKeySet();
        versions.add(active.withCurrent(Ruleset::version));
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean reloading = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.List<Ruleset> served = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> classifiers = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++) {
                classifiers.add(pool.submit(() -> {
                    int done = 0;
                    while (reloading.get() || done < 50) {
                        active.withCurrent(ruleset -> {
                            served.add(ruleset);
                            FindingView finding = new Judgement(ruleset, ShippedRules.METRICS)
                                    .classify(java.util.Map.of("psychological_safety", 50.0), 8).get(0);
                            seen.add(finding.rulesetVersion());
                            return finding;
                        });
                        done++;
                    }
                    return done;
                }));
            }
            for (int reload = 0; reload < 6; reload++) {
                Files.writeString(drl, reload % 2 == 0 ? edited : original);
                versions.add(active.reload().version());
            }
            reloading.set(false);
            for (var classifier : classifiers) {
                assertThat(classifier.get()).isGreaterThanOrEqualTo(50);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(versions).hasSize(2);
        assertThat(versions).containsAll(seen);
        Ruleset serving = active.withCurrent(r -> r);
        assertThat(served.stream().filter(r -> r != serving).distinct())
                .as("every replaced ruleset is released once its classifications ended").allMatch(Ruleset::isReleased);
        active.destroy();
    }

    @Test
    void aFolderWithoutRulesIsRefused() {
        assertThatThrownBy(this::build).isInstanceOf(RulesetBuildException.class).hasMessageContaining("no .drl files");
    }
}
