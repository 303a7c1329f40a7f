package org.podloop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.podloop.loop.internal.VariableWrites;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient.Response;
import org.podloop.support.WebappSession;

/**
 * A pod member (paula) tries every engine path that writes variables to re-route her loop's next task to
 * another pod or write into another team's loop: each is refused, and nothing changed — not the variables,
 * not the loop's timeline, not the audit trail; the task is still hers and no other pod sees anything.
 */
class VariableWritesTest extends ApiTest {

    private String loopId;
    private String otherLoopId;
    private String taskId;
    private String processInstanceId;
    private Map<String, Object> variablesBefore;
    private long timelineBefore;
    private long auditBefore;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    @BeforeEach
    void aLoopWaitingForThePodAndAnotherTeamsLoop() {
        loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();
        JsonNode task = client.loopTask("paula", "pod-" + team, loopId, ProcessIds.TASK_CHOOSE_INTERVENTION);
        taskId = task.get("id").asText();
        processInstanceId = task.get("processInstanceId").asText();
        String other = "o" + UUID.randomUUID().toString().substring(0, 8);
        client.createTeam(other, "quinn");
        otherLoopId = client.postSnapshot(other, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();
        variablesBefore = controlVariables();
        timelineBefore = count("select count(*) from loop_timeline where loop_id in (?, ?)");
        auditBefore = count("select count(*) from audit_entries where loop_id in (?, ?)");
    }

    @AfterEach
    void nothingChanged() {
        assertThat(controlVariables()).isEqualTo(variablesBefore);
        assertThat(count("select count(*) from loop_timeline where loop_id in (?, ?)"))
                .isEqualTo(timelineBefore);
        assertThat(count("select count(*) from audit_entries where loop_id in (?, ?)"))
                .isEqualTo(auditBefore);
        assertThat(client.loopTask("paula", "pod-" + team, loopId, ProcessIds.TASK_CHOOSE_INTERVENTION)
                        .get("id")
                        .asText())
                .isEqualTo(taskId);
        assertThat(client.tasks("quinn", Map.of("processInstanceBusinessKey", loopId)))
                .isEmpty();
    }

    /** {@code status}: 400 where the pod may work the task and the write itself is refused, 403 where she may not write at all. */
    record Write(String name, String method, String path, String body, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Write> writes() {
        String choice = "\"interventionId\":{\"value\":\"speak-up-round\"}";
        return Stream.of(
                new Write(
                        "complete with another team",
                        "POST",
                        "/engine-rest/task/{task}/complete",
                        "{\"variables\":{" + choice + ",\"teamKey\":{\"value\":\"borealis\"}}}",
                        400),
                new Write(
                        "complete with another loop's id",
                        "POST",
                        "/engine-rest/task/{task}/complete",
                        "{\"variables\":{" + choice + ",\"loopId\":{\"value\":\"{other}\"}}}",
                        400),
                new Write(
                        "complete with a transient team",
                        "POST",
                        "/engine-rest/task/{task}/complete",
                        "{\"variables\":{" + choice
                                + ",\"teamKey\":{\"value\":\"borealis\",\"valueInfo\":{\"transient\":true}}}}",
                        400),
                new Write(
                        "complete with an Integer loopId, another team and an unknown intervention",
                        "POST",
                        "/engine-rest/task/{task}/complete",
                        "{\"variables\":{\"interventionId\":{\"value\":\"made-up\"},"
                                + "\"loopId\":{\"value\":7,\"type\":\"Integer\"},\"teamKey\":{\"value\":\"borealis\"}}}",
                        400),
                new Write(
                        "complete with the iteration as a Long",
                        "POST",
                        "/engine-rest/task/{task}/complete",
                        "{\"variables\":{" + choice + ",\"iteration\":{\"value\":1,\"type\":\"Long\"}}}",
                        400),
                new Write(
                        "submit the form with another baseline",
                        "POST",
                        "/engine-rest/task/{task}/submit-form",
                        "{\"variables\":{" + choice + ",\"baselineSnapshotId\":{\"value\":\"" + UUID.randomUUID()
                                + "\"}}}",
                        400),
                new Write(
                        "resolve with another team",
                        "POST",
                        "/engine-rest/task/{task}/resolve",
                        "{\"variables\":{\"teamKey\":{\"value\":\"borealis\"}}}",
                        400),
                new Write(
                        "set a transient task-local variable",
                        "PUT",
                        "/engine-rest/task/{task}/localVariables/teamKey",
                        "{\"value\":\"borealis\",\"valueInfo\":{\"transient\":true}}",
                        403),
                new Write(
                        "set a task variable",
                        "PUT",
                        "/engine-rest/task/{task}/variables/loopId",
                        "{\"value\":\"{other}\"}",
                        403),
                new Write(
                        "modify task variables",
                        "POST",
                        "/engine-rest/task/{task}/variables",
                        "{\"modifications\":{\"teamKey\":{\"value\":\"borealis\"}}}",
                        403),
                new Write(
                        "set a task-local variable",
                        "PUT",
                        "/engine-rest/task/{task}/localVariables/teamKey",
                        "{\"value\":\"borealis\"}",
                        403),
                new Write("remove a task variable", "DELETE", "/engine-rest/task/{task}/variables/teamKey", null, 403),
                new Write(
                        "set a process instance variable",
                        "PUT",
                        "/engine-rest/process-instance/{instance}/variables/teamKey",
                        "{\"value\":\"borealis\"}",
                        403),
                new Write(
                        "modify process instance variables",
                        "POST",
                        "/engine-rest/process-instance/{instance}/variables",
                        "{\"modifications\":{\"loopId\":{\"value\":\"{other}\"}}}",
                        403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void everyEngineWritePathIsRefused(Write write) {
        Response refused = client.send(
                "paula", write.method(), fill(write.path()), write.body() == null ? null : fill(write.body()));

        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(write.status());
        if (write.status() == 400) {
            assertThat(refused.body().get("message").asText())
                    .containsAnyOf(
                            "belongs to the loop",
                            "unknown intervention",
                            "Cannot set transient variable with name teamKey");
        }
    }

    @Test
    void theTasklistsOwnApiRefusesTheSameWrites() {
        var refused = WebappSession.logIn(port, "paula")
                .post(
                        "task/" + taskId + "/submit-form",
                        "{\"variables\":{\"interventionId\":{\"value\":\"speak-up-round\"},\"teamKey\":{\"value\":\"borealis\"}}}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("teamKey: belongs to the loop");
    }

    @Test
    void aTextLongerThanTheEngineStoresIsRefusedByName() {
        Response refused = client.complete(
                "paula",
                taskId,
                Map.of("interventionId", "speak-up-round", "outcomeNotes", "x".repeat(VariableWrites.MAX_TEXT + 1)));

        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
        assertThat(refused.body().get("message").asText())
                .contains("outcomeNotes: is longer than 4000 characters")
                .doesNotContainIgnoringCase("sql")
                .doesNotContain("insert");
        assertThat(client.get("demo", "/engine-rest/task/" + taskId + "/variables/outcomeNotes")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeTheEngineReadsIt() {
        Response refused = client.send(
                "paula",
                "PUT",
                "/engine-rest/task/" + taskId + "/variables/outcomeNotes",
                Map.of("value", "x".repeat(2 * 1024 * 1024)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("field").asText()).isEqualTo("body");
        assertThat(refused.body().get("detail").asText()).contains("larger than 1024 KiB");
    }

    private String fill(String text) {
        return text.replace("{task}", taskId).replace("{other}", otherLoopId).replace("{instance}", processInstanceId);
    }

    private Map<String, Object> controlVariables() {
        return Map.of("sub", variables(processInstanceId), "root", variables(rootInstance()));
    }

    private Object variables(String instance) {
        JsonNode all = client.get("demo", "/engine-rest/process-instance/" + instance + "/variables")
                .body();
        return VariableWrites.NAMES.stream()
                .sorted()
                .map(name -> name + "=" + all.path(name).path("type").asText() + ":"
                        + all.path(name).path("value").asText())
                .toList();
    }

    private String rootInstance() {
        return client.get(
                        "demo",
                        "/engine-rest/process-instance?maxResults=10&businessKey=" + loopId + "&processDefinitionKey="
                                + ProcessIds.EXECUTION_LOOP)
                .body()
                .get(0)
                .get("id")
                .asText();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class, UUID.fromString(loopId), UUID.fromString(otherLoopId));
    }
}
