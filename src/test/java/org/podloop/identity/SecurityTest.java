package org.podloop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.podloop.loop.ProcessIds.TASK_CHOOSE_INTERVENTION;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient.Response;
import org.podloop.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may do what, as a table of status codes per user and endpoint, against the running application
 * with authorization on. Each row gets a fresh team of paula's with one open loop waiting at the pod's
 * choose task; quinn is in another pod, gina is governance, olivia a process owner, collector a signal
 * source, demo an administrator.
 */
class SecurityTest extends ApiTest {

    private static final String PROBE_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe" targetNamespace="https://podloop.org/test">
              <bpmn:process id="SecurityProbeProcess" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="StartEvent_Probe"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Autowired
    Directory directory;

    private String loopId;
    private JsonNode chooseTask;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    @BeforeEach
    void aLoopWaitingForThePod() {
        loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();
        chooseTask = client.loopTask("paula", "pod-" + team, loopId, TASK_CHOOSE_INTERVENTION);
    }

    record Row(String user, String method, String path, Object body, int status) {
        @Override
        public String toString() {
            return user + " " + method + " " + path + " → " + status;
        }
    }

    private static Row row(String user, String method, String path, Object body, int status) {
        return new Row(user, method, path, body, status);
    }

    static Stream<Row> table() {
        Object snapshot = Map.of(
                "externalId",
                "row",
                "measuredAt",
                "2026-11-01T09:00:00Z",
                "respondents",
                6,
                "signals",
                Map.of("psychological_safety", 70.0));
        Object choice = Map.of("variables", Map.of("interventionId", Map.of("value", "speak-up-round")));
        return Stream.of(
                // authentication
                row(null, "GET", "/api/teams", null, 401),
                row(null, "GET", "/engine-rest/task?maxResults=10", null, 401),
                row("paula:wrong-password", "GET", "/api/teams", null, 401),
                // catalogues and teams: any signed-in user
                row("paula", "GET", "/api/teams", null, 200),
                row("collector", "GET", "/api/interventions", null, 200),
                // creating teams (and so pods and memberships): administrators only
                row("demo", "POST", "/api/teams", Map.of("key", "{new}", "name", "New", "members", List.of()), 201),
                row("olivia", "POST", "/api/teams", Map.of("key", "{new}", "name", "New", "members", List.of()), 403),
                row("paula", "POST", "/api/teams", Map.of("key", "{new}", "name", "New", "members", List.of()), 403),
                // posting signals: administrators and signal sources
                row("collector", "POST", "/api/teams/{team}/snapshots", snapshot, 200),
                row("demo", "POST", "/api/teams/{team}/snapshots", snapshot, 200),
                row("paula", "POST", "/api/teams/{team}/snapshots", snapshot, 403),
                row("gina", "POST", "/api/teams/{team}/snapshots", snapshot, 403),
                row("olivia", "POST", "/api/snapshots/import", "csv", 403),
                row("collector", "POST", "/api/snapshots/import", "csv", 200),
                // reading a team's snapshots: its pod, governance, administrators
                row("paula", "GET", "/api/teams/{team}/snapshots", null, 200),
                row("gina", "GET", "/api/teams/{team}/snapshots", null, 200),
                row("quinn", "GET", "/api/teams/{team}/snapshots", null, 403),
                row("quinn", "HEAD", "/api/teams/{team}/snapshots", null, 403),
                row("collector", "GET", "/api/teams/{team}/snapshots", null, 403),
                row("olivia", "GET", "/api/teams/{team}/snapshots", null, 403),
                // a loop: its pod, governance, administrators
                row("paula", "GET", "/api/loops/{loop}", null, 200),
                row("gina", "GET", "/api/loops/{loop}", null, 200),
                row("demo", "GET", "/api/loops/{loop}", null, 200),
                row("quinn", "GET", "/api/loops/{loop}", null, 403),
                row("olivia", "GET", "/api/loops/{loop}", null, 403),
                // audit: governance and administrators
                row("gina", "GET", "/api/audit/verify", null, 200),
                row("paula", "GET", "/api/audit/verify", null, 403),
                row("gina", "GET", "/api/audit/export.jsonl", null, 200),
                row("demo", "GET", "/api/audit/export.jsonl", null, 200),
                row("paula", "GET", "/api/audit/export.jsonl", null, 403),
                row("collector", "GET", "/api/audit/export.jsonl", null, 403),
                row("gina", "GET", "/api/loops/{loop}/audit", null, 200),
                row("paula", "GET", "/api/loops/{loop}/audit", null, 403),
                // processes: process owners, and nobody else deploys (administrators neither)
                row("olivia", "POST", "/api/processes/deploy", "", 200),
                row("demo", "POST", "/api/processes/deploy", "", 403),
                row("gina", "POST", "/api/processes/deploy", "", 403),
                row("olivia", "POST", "/engine-rest/deployment/create", "bpmn", 200),
                row("demo", "POST", "/engine-rest/deployment/create", "bpmn", 403),
                row("paula", "POST", "/engine-rest/deployment/create", "bpmn", 403),
                // rules: administrators reload, governance back-tests
                row("demo", "POST", "/api/rules/reload", "", 200),
                row("olivia", "POST", "/api/rules/reload", "", 403),
                row("gina", "POST", "/api/rules/reload", "", 403),
                // users and groups in the engine: administrators only
                row(
                        "paula",
                        "POST",
                        "/engine-rest/group/create",
                        Map.of("id", "pod-{new}", "name", "x", "type", "POD"),
                        403),
                row(
                        "demo",
                        "POST",
                        "/engine-rest/group/create",
                        Map.of("id", "pod-{new}", "name", "x", "type", "POD"),
                        204),
                // the pod's task: its pod reads and works it; governance reads, cannot work it; others see nothing
                row("paula", "GET", "/engine-rest/task/{task}", null, 200),
                row("gina", "GET", "/engine-rest/task/{task}", null, 200),
                row("quinn", "GET", "/engine-rest/task/{task}", null, 404),
                row("collector", "GET", "/engine-rest/task/{task}", null, 404),
                row("quinn", "POST", "/engine-rest/task/{task}/complete", choice, 403),
                row("gina", "POST", "/engine-rest/task/{task}/complete", choice, 403),
                row("olivia", "POST", "/engine-rest/task/{task}/complete", choice, 403),
                row("quinn", "POST", "/engine-rest/task/{task}/claim", Map.of("userId", "quinn"), 403),
                row("paula", "POST", "/engine-rest/task/{task}/complete", choice, 204));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void statusPerUserAndEndpoint(Row row) {
        String user = row.user() != null && row.user().contains(":") ? aUserWhoseLoginFails() : row.user();
        String path = fill(row.path());
        Response response;
        if ("csv".equals(row.body())) {
            response = client.post(
                    user,
                    path,
                    "text/csv",
                    HttpRequest.BodyPublishers.ofString("team,externalId,measuredAt,respondents,metric,value\n" + team
                            + ",csv-1,2026-11-01T09:00:00Z,6,engagement,70\n"));
        } else if ("bpmn".equals(row.body())) {
            response = client.deploy(user, "security-probe", Map.of("SecurityProbeProcess.bpmn", PROBE_BPMN));
        } else {
            response = client.send(user, row.method(), path, row.body() == null ? null : fill(row.body()));
        }
        assertThat(response.status()).as(row + " answered " + response.body()).isEqualTo(row.status());
    }

    @Test
    void aPodMemberListsOnlyHerPodsTasksAndLoops() {
        assertThat(client.tasks("quinn", Map.of()).stream().map(t -> t.get("id").asText()))
                .doesNotContain(chooseTask.get("id").asText());
        assertThat(client.get("quinn", "/api/loops?team=" + team)
                        .body()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(client.get("paula", "/api/loops?team=" + team)
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(client.get("gina", "/api/loops?team=" + team)
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void inTheTasklistsOwnApiAnotherPodAndGovernanceCannotCompleteThePodsTask() {
        String complete = "task/" + chooseTask.get("id").asText() + "/complete";
        String choice = "{\"variables\":{\"interventionId\":{\"value\":\"speak-up-round\"}}}";

        for (String outsider : List.of("quinn", "gina")) {
            var refused = WebappSession.logIn(port, outsider).post(complete, choice);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body())
                    .as("refused by the engine's authorizations, not by CSRF")
                    .contains("TASK_WORK");
        }
        var completed = WebappSession.logIn(port, "paula").post(complete, choice);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"teamKey", "loopId", "iteration", "baselineSnapshotId"})
    void aPodMemberCannotReRouteHerLoopByOverwritingTheVariablesItRunsOn(String variable) {
        Object forged = switch (variable) {
            case "teamKey" -> "borealis";
            case "iteration" -> 2;
            default -> UUID.randomUUID().toString();
        };
        Response refused = client.complete(
                "paula", chooseTask.get("id").asText(), Map.of("interventionId", "speak-up-round", variable, forged));

        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).contains(variable + ": belongs to the loop");
        assertThat(client.loopTask("paula", "pod-" + team, loopId, TASK_CHOOSE_INTERVENTION)
                        .get("id"))
                .isEqualTo(chooseTask.get("id"));
        assertThat(client.tasks("quinn", Map.of("processInstanceBusinessKey", loopId)))
                .isEmpty();
    }

    @Test
    void aProcessOwnerSeesTheDefinitionsButNoInstanceNorItsVariables() {
        String instances = "/engine-rest/process-instance?maxResults=10&businessKey=" + loopId;
        String variables = "/engine-rest/history/variable-instance?maxResults=10&variableName=teamKey";

        assertThat(client.get("olivia", instances).body()).isEmpty();
        assertThat(client.get("olivia", variables).body()).isEmpty();
        assertThat(client.get("olivia", "/engine-rest/process-definition?maxResults=10&key=LoopIterationProcess")
                        .body())
                .isNotEmpty();
        assertThat(client.get("gina", instances).body())
                .as("the loop and its iteration")
                .hasSize(2);
        assertThat(client.get("gina", variables).body()).isNotEmpty();
    }

    @Test
    void aCandidateGroupTakenOffATaskLosesAccessToIt() {
        String task = chooseTask.get("id").asText();
        assertThat(client.post(
                                "demo",
                                "/engine-rest/task/" + task + "/identity-links/delete",
                                Map.of("groupId", "pod-" + team, "type", "candidate"))
                        .status())
                .isEqualTo(204);

        assertThat(client.get("paula", "/engine-rest/task/" + task).status()).isEqualTo(404);
        assertThat(client.complete("paula", task, Map.of("interventionId", "speak-up-round"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anExpressionInATaskQueryIsRefusedEvenInsideOrQueries() {
        Response direct = client.post(
                "paula", "/engine-rest/task?maxResults=10", Map.of("assigneeExpression", "${currentUser()}"));
        Response nested = client.post(
                "paula",
                "/engine-rest/task?maxResults=10",
                Map.of("orQueries", List.of(Map.of("candidateGroupsExpression", "${currentUserGroups()}"))));
        Response stored = client.post(
                "demo",
                "/engine-rest/filter/create",
                Map.of(
                        "resourceType",
                        "Task",
                        "name",
                        "expr-" + team,
                        "query",
                        Map.of("candidateGroupsExpression", "${currentUserGroups()}")));

        assertThat(direct.status()).as(String.valueOf(direct.body())).isEqualTo(400);
        assertThat(nested.status()).as(String.valueOf(nested.body())).isEqualTo(400);
        assertThat(nested.body().get("message").asText()).containsIgnoringCase("expression");
        assertThat(stored.status()).as(String.valueOf(stored.body())).isEqualTo(400);
        assertThat(client.get("demo", "/engine-rest/filter?maxResults=10&name=expr-" + team)
                        .body())
                .isEmpty();
    }

    @Test
    void aJavaSerializedVariableIsRefusedAndNotStoredEvenForAnAdministrator() {
        String task = chooseTask.get("id").asText();
        Response refused = client.send(
                "demo",
                "PUT",
                "/engine-rest/task/" + task + "/variables/payload",
                Map.of(
                        "value",
                        "rO0ABXQABHBvZGw=",
                        "type",
                        "Object",
                        "valueInfo",
                        Map.of(
                                "objectTypeName",
                                "java.lang.String",
                                "serializationDataFormat",
                                "application/x-java-serialized-object")));

        // Camunda's REST API reports this refusal (ENGINE-17007) as 500; Podloop answers 400 (EngineRestErrors)
        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).contains("Java serialization format is prohibited");
        assertThat(client.get("demo", "/engine-rest/task/" + task + "/variables/payload")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anUnboundedQueryIsRefusedAndAPagedOneAnswered() {
        Response unbounded = client.get("gina", "/engine-rest/task");

        assertThat(unbounded.status()).isEqualTo(400);
        assertThat(unbounded.body().get("message").asText()).contains("unbound");
        assertThat(client.get("gina", "/engine-rest/task?maxResults=5").status())
                .isEqualTo(200);
        assertThat(client.get("gina", "/engine-rest/task?maxResults=5000").status())
                .as("above queryMaxResultsLimit")
                .isEqualTo(400);
    }

    /** A user of this test alone: a wrong password locks its user for seconds, which must not hit the demo users. */
    private String aUserWhoseLoginFails() {
        String user = "x" + UUID.randomUUID().toString().substring(0, 8);
        directory.ensureUser(user, "Wrong", "Password", "the-right-one");
        return user + ":wrong-password";
    }

    private String newKey;

    private Object fill(Object body) {
        if (body instanceof Map<?, ?> map) {
            Map<Object, Object> filled = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> filled.put(k, fill(v)));
            return filled;
        }
        return body instanceof String s ? fill(s) : body;
    }

    private String fill(String text) {
        if (newKey == null) {
            newKey = "n" + UUID.randomUUID().toString().substring(0, 8);
        }
        return text.replace("{team}", team)
                .replace("{loop}", loopId)
                .replace("{task}", chooseTask.get("id").asText())
                .replace("{new}", newKey);
    }
}
