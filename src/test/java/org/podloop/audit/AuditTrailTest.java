package org.podloop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The governance record of a loop: complete, exportable, tamper-evident, and independent of the engine's history. */
class AuditTrailTest extends ApiTest {

    @Autowired
    ProcessEngine engine;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    private List<String> kindsAndActors(JsonNode records) {
        List<String> steps = new ArrayList<>();
        records.forEach(
                r -> steps.add(r.get("kind").asText() + "|" + r.path("actor").asText("system")));
        return steps;
    }

    @Test
    void concurrentSnapshotsAndLoopsChainIntoOneUnbrokenChain() throws Exception {
        List<String> teams = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            teams.add(team + "p" + i);
            assertThat(client.createTeam(teams.get(i), "paula").status()).isEqualTo(201);
        }
        long before =
                client.get("gina", "/api/audit/verify").body().get("entries").asLong();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < teams.size(); i++) {
            // every other snapshot opens a loop: snapshot, classification and loop steps all chain
            Map<String, Double> signals = Map.of("psychological_safety", i % 2 == 0 ? 80.0 : 38.0);
            String postTo = teams.get(i);
            posts.add(clients.submit(
                    () -> client.postSnapshot(postTo, "parallel", signals).status()));
        }
        for (var post : posts) {
            assertThat(post.get()).isEqualTo(200);
        }
        clients.shutdown();

        JsonNode check = client.get("gina", "/api/audit/verify").body();
        assertThat(check.get("intact").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("entries").asLong()).isGreaterThanOrEqualTo(before + 16 * 2);
    }

    @Test
    void afterACompleteLoopTheAuditTimelineHoldsEveryStepWithActorTimeAndRules() {
        String loopId = walkALoop();

        JsonNode records = client.get("gina", "/api/loops/" + loopId + "/audit").body();

        assertThat(kindsAndActors(records))
                .containsExactly(
                        "LOOP_OPENED|demo",
                        "ITERATION_STARTED|demo",
                        "ASSISTANT_BRIEF_WRITTEN|assistant",
                        "TASK_CREATED|system",
                        "TASK_COMPLETED|paula",
                        "TASK_CREATED|system",
                        "TASK_COMPLETED|paula",
                        "REMEASUREMENT_REQUESTED|system",
                        "REMEASUREMENT_RECEIVED|demo",
                        "VERIFIED|system",
                        "ASSISTANT_DEBRIEF_WRITTEN|assistant",
                        "TASK_CREATED|system",
                        "TASK_COMPLETED|gina",
                        "ITERATION_ENDED|system",
                        "LOOP_CLOSED|system");
        JsonNode opened = records.get(0).get("content");
        assertThat(opened.at("/snapshot/findings/0/pattern").asText()).isEqualTo("SUPPRESSED_FEEDBACK");
        assertThat(opened.at("/snapshot/findings/0/rules/0").asText())
                .isEqualTo("Very low psychological safety signals suppressed feedback");
        assertThat(opened.at("/snapshot/rulesetVersion").asText()).hasSize(12);
        assertThat(opened.at("/detail/processDefinition").asText()).startsWith("ExecutionLoopProcess:");
        assertThat(records.get(1).at("/content/detail/processDefinition").asText())
                .startsWith("LoopIterationProcess:");
        JsonNode verified = records.get(9).get("content");
        assertThat(verified.at("/detail/outcome").asText()).isEqualTo("REDUCED");
        assertThat(verified.at("/detail/rulesetVersion").asText()).hasSize(12);
        assertThat(records.get(12).at("/content/detail/submitted/rationale").asText())
                .isEqualTo("Verified reduction");
        records.forEach(r -> assertThat(r.get("at").asText()).isNotBlank());
    }

    @Test
    void theCsvExportHoldsExactlyTheEntriesOfTheJson() throws Exception {
        String loopId = walkALoop();
        JsonNode json = client.get("gina", "/api/loops/" + loopId + "/audit").body();

        var csv = client.getText("gina", "/api/loops/" + loopId + "/audit.csv");

        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.body()))
                .getRecords();
        assertThat(rows).hasSize(json.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("id")).isEqualTo(json.get(i).get("id").asText());
            assertThat(rows.get(i).get("kind"))
                    .isEqualTo(json.get(i).get("kind").asText());
            assertThat(rows.get(i).get("hash"))
                    .isEqualTo(json.get(i).get("hash").asText());
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(rows.get(i).get("content")))
                    .isEqualTo(json.get(i).get("content"));
        }
    }

    // Tampering, what the incremental and the full verification find: ChainVerificationTest

    @Test
    void camundasHistoryCleanupLeavesTheAuditTimelineComplete() {
        String loopId = walkALoop();
        JsonNode before = client.get("gina", "/api/loops/" + loopId + "/audit").body();
        var history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(loopId)
                        .count())
                .isPositive();

        ClockUtil.setCurrentTime(
                java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(181))));
        var cleanup = history.cleanUpHistoryAsync(true);
        engine.getManagementService().executeJob(cleanup.getId());

        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(loopId)
                        .count())
                .as("the engine's history of the loop is gone")
                .isZero();
        assertThat(client.get("gina", "/api/loops/" + loopId + "/audit").body()).isEqualTo(before);
    }

    @Test
    void onlyGovernanceAndAdministratorsReadTheAudit() {
        String loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();

        assertThat(client.get("paula", "/api/loops/" + loopId + "/audit").status())
                .isEqualTo(403);
        assertThat(client.get("paula", "/api/audit/verify").status()).isEqualTo(403);
        assertThat(client.get("demo", "/api/loops/" + loopId + "/audit").status())
                .isEqualTo(200);
    }
}
