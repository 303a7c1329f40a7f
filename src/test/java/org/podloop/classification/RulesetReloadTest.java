package org.podloop.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.Ruleset;
import org.podloop.rules.RulesetBuildException;
import org.podloop.support.ShippedRulesFolder;

/** Judging with a reloading ruleset: the self-check guards every reload, and classifications never see a half swap. */
class RulesetReloadTest {

    @TempDir
    Path folder;

    private void copyShippedRules() {
        ShippedRulesFolder.copyInto(folder);
    }

    @Test
    void aRuleChangeThatBreaksASelfCheckScenarioIsRefusedNamingTheScenario() throws IOException {
        copyShippedRules();
        Path drl = folder.resolve("classification.drl");
        Files.writeString(
                drl,
                Files.readString(drl)
                        .replace(
                                "Signal(metric == \"delivery_gap\", value > 25)",
                                "Signal(metric == \"delivery_gap\", value > 35)"));

        assertThatThrownBy(() -> ShippedRules.active(folder))
                .isInstanceOf(RulesetBuildException.class)
                .hasMessageContaining("self-check.yaml: a reported-versus-verified gap of 30 points is execution debt");
    }

    @Test
    void aWeakerDisagreementRuleIsRefusedByTheSpreadScenarioAndAStraySdNamesItsScenario() throws IOException {
        copyShippedRules();
        Path drl = folder.resolve("classification.drl");
        Files.writeString(
                drl, Files.readString(drl).replace("sd >= 25, respondents >= 5", "sd >= 35, respondents >= 5"));

        assertThatThrownBy(() -> ShippedRules.active(folder))
                .isInstanceOf(RulesetBuildException.class)
                .hasMessageContaining(
                        "self-check.yaml: psychological-safety answers spread with an sd of 30 points are hidden disagreement");

        copyShippedRules();
        Path scenarios = folder.resolve("self-check.yaml");
        Files.writeString(
                scenarios,
                Files.readString(scenarios)
                        .replace("sd: {psychological_safety: 15}", "sd: {psychological_safety: 15, engagement: 40}"));

        assertThatThrownBy(() -> ShippedRules.active(folder))
                .isInstanceOf(RulesetBuildException.class)
                .hasMessageContaining("sd is given for metrics without a signal");
    }

    @Test
    void classificationsDuringReloadsNeverFailAndEachNamesAVersionThatExisted() throws Exception {
        copyShippedRules();
        ActiveRuleset active = ShippedRules.active(folder);
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
                            FindingView finding = new Judgement(ruleset)
                                    .classify(java.util.Map.of("psychological_safety", 50.0), 8)
                                    .get(0);
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
                .as("every replaced ruleset is released once its classifications ended")
                .allMatch(Ruleset::isReleased);
        active.destroy();
    }
}
