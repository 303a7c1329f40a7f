package org.podloop.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient.Response;
import org.podloop.support.ShippedRulesFolder;

/** Reloading and back-testing the rules folder over HTTP, as rule authors and governance do. */
class RulesApiTest extends ApiTest {

    private static final Path TEST_RULES = Path.of("target/test-rules");

    @Override
    protected String[] teamMembers() {
        return new String[] {"quinn"};
    }

    @AfterEach
    void restoreTheShippedRules() throws IOException {
        Files.deleteIfExists(TEST_RULES.resolve("broken.drl"));
        ShippedRulesFolder.copyInto(TEST_RULES);
        assertThat(client.post("demo", "/api/rules/reload", "").status()).isEqualTo(200);
    }

    private String activeVersion() {
        return client.get("quinn", "/api/rules").body().get("version").asText();
    }

    @Test
    void theActiveRulesetListsEveryRuleWithItsMetadata() {
        JsonNode rules = client.get("quinn", "/api/rules").body();

        assertThat(rules.get("version").asText()).hasSize(12);
        assertThat(rules.get("loadedAt").asText()).isNotBlank();
        assertThat(rules.get("rules").findValuesAsText("name"))
                .contains("Very low psychological safety signals suppressed feedback");
        assertThat(rules.at("/rules/0/metadata").has("description")).isTrue();
    }

    @Test
    void aBrokenDrlIsRefusedWith422NamingFileAndLineAndTheOldRulesetKeepsClassifying() throws IOException {
        String before = activeVersion();
        Files.writeString(TEST_RULES.resolve("broken.drl"), """
                package podloop.broken;

                rule "Half a rule"
                when
                    NoSuchFact(
                then
                end
                """);

        Response refused = client.post("demo", "/api/rules/reload", "");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("problems").get(0).asText()).matches("broken\\.drl:\\d+: .*");
        assertThat(activeVersion()).isEqualTo(before);
        Response classified = client.postSnapshot(team, "after-refusal", Map.of("psychological_safety", 40.0));
        assertThat(classified.body().at("/findings/0/rulesetVersion").asText()).isEqualTo(before);
    }

    @Test
    void aValidEditIsActivatedAndNamedInLaterClassifications() throws IOException {
        String before = activeVersion();
        Path drl = TEST_RULES.resolve("classification.drl");
        Files.writeString(drl, Files.readString(drl).replace("value >= 45, value < 60", "value >= 45, value < 65"));

        JsonNode reloaded = client.post("demo", "/api/rules/reload", "").body();

        assertThat(reloaded.get("version").asText()).isNotEqualTo(before);
        Response classified = client.postSnapshot(team, "after-reload", Map.of("psychological_safety", 62.0));
        assertThat(classified.body().at("/findings/0/severity").asText()).isEqualTo("MEDIUM");
        assertThat(classified.body().at("/findings/0/rulesetVersion").asText())
                .isEqualTo(reloaded.get("version").asText());
    }

    @Test
    void anEditedMetricCatalogueIsANewVersionAfterTheReloadAndDecidesTheNextClassification() throws IOException {
        String before = activeVersion();
        Instant at = Instant.parse("2001-03-01T09:00:00Z");
        // 75 → 68 → 62: engagement above every threshold but declining twice, which raises the pattern it informs
        client.postSnapshot(team, "engagement-1", at, Map.of("engagement", 75.0));
        client.postSnapshot(team, "engagement-2", at.plusSeconds(86_400), Map.of("engagement", 68.0));
        Path metrics = TEST_RULES.resolve("metrics.yaml");
        Files.writeString(
                metrics, Files.readString(metrics).replace("informs: DISENGAGEMENT", "informs: BURNOUT_RISK"));

        JsonNode reloaded = client.post("demo", "/api/rules/reload", "").body();

        String version = reloaded.get("version").asText();
        assertThat(version).isNotEqualTo(before).isEqualTo(activeVersion());
        JsonNode engagement = client.get("quinn", "/api/metrics").body().findParents("key").stream()
                .filter(metric -> metric.get("key").asText().equals("engagement"))
                .findFirst()
                .orElseThrow();
        assertThat(engagement.get("informs").asText()).isEqualTo("BURNOUT_RISK");
        JsonNode finding = client.postSnapshot(
                        team, "engagement-3", at.plusSeconds(2 * 86_400), Map.of("engagement", 62.0))
                .body()
                .at("/findings/0");
        assertThat(List.of(
                        finding.get("pattern").asText(), finding.get("severity").asText()))
                .containsExactly("BURNOUT_RISK", "LOW");
        assertThat(finding.get("rulesetVersion").asText()).isEqualTo(version);
    }

    @Test
    void onlyAdministratorsReloadRules() {
        assertThat(client.post("paula", "/api/rules/reload", "").status()).isEqualTo(403);
        assertThat(client.post("gina", "/api/rules/reload", "").status()).isEqualTo(403);
        assertThat(client.post(
                                "olivia",
                                "/api/rules/backtest",
                                Map.of("from", "2001-01-01T00:00:00Z", "to", "2001-01-02T00:00:00Z"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aBacktestAfterAThresholdChangeReportsExactlyTheTeamsWhoseFindingsChange() throws IOException {
        String borderline = team;
        String clearlyLow = "b" + borderline.substring(1);
        String healthy = "c" + borderline.substring(1);
        client.createTeam(clearlyLow, "quinn");
        client.createTeam(healthy, "quinn");
        Instant at = Instant.parse("2001-01-01T09:00:00Z");
        client.postSnapshot(borderline, "old", at, Map.of("psychological_safety", 55.0));
        client.postSnapshot(clearlyLow, "old", at, Map.of("psychological_safety", 50.0));
        client.postSnapshot(healthy, "old", at, Map.of("psychological_safety", 80.0));
        String active = activeVersion();
        Path drl = TEST_RULES.resolve("classification.drl");
        Files.writeString(drl, Files.readString(drl).replace("value >= 45, value < 60", "value >= 45, value < 52"));

        Response backtest = client.post(
                "gina", "/api/rules/backtest", Map.of("from", "2001-01-01T00:00:00Z", "to", "2001-01-02T00:00:00Z"));

        assertThat(backtest.status()).as(String.valueOf(backtest.body())).isEqualTo(200);
        JsonNode report = backtest.body();
        assertThat(report.get("snapshots").asInt()).isEqualTo(3);
        assertThat(report.get("activeVersion").asText()).isEqualTo(active);
        assertThat(report.get("candidateVersion").asText()).isNotEqualTo(active);
        assertThat(report.get("teams").findValuesAsText("team")).containsExactly(borderline);
        JsonNode change = report.at("/teams/0/changes/0");
        assertThat(List.of(
                        change.get("pattern").asText(),
                        change.get("kind").asText(),
                        change.get("decidedSeverity").asText()))
                .containsExactly("SUPPRESSED_FEEDBACK", "DISAPPEARED", "MEDIUM");
        assertThat(change.get("decidedByVersion").asText()).isEqualTo(active);
        assertThat(activeVersion()).as("a back-test activates nothing").isEqualTo(active);
    }

    @Test
    void aBacktestNeedsAnOrderedRange() {
        Response refused = client.post(
                "gina", "/api/rules/backtest", Map.of("from", "2001-01-02T00:00:00Z", "to", "2001-01-01T00:00:00Z"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("field").asText()).isEqualTo("to");
    }
}
