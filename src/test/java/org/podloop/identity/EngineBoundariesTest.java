package org.podloop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient.Response;
import org.podloop.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the engine's own API does at its edges, as the people who would hit them: a pod whose members all
 * press Complete at once, governance writing into a pod's task, another pod writing into it, and paths
 * built to slip past path matching.
 */
class EngineBoundariesTest extends ApiTest {

    @Autowired
    ProcessEngine engine;

    private String taskId;
    private String processInstanceId;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula", "pete"};
    }

    @BeforeEach
    void aLoopWaitingForThePod() {
        String loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();
        var task = client.loopTask("paula", "pod-" + team, loopId, "Task_ChooseIntervention");
        taskId = task.get("id").asText();
        processInstanceId = task.get("processInstanceId").asText();
    }

    @RepeatedTest(5)
    void inTheTasklistPressingCompleteAtOnceGivesOneCompletionAndConflicts() throws Exception {
        List<WebappSession> members = List.of(WebappSession.logIn(port, "paula"), WebappSession.logIn(port, "pete"));
        String choice = "{\"variables\":{\"interventionId\":{\"value\":\"speak-up-round\"}}}";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<HttpResponse<String>>> completes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                WebappSession member = members.get(i % 2);
                completes.add(() -> member.post("task/" + taskId + "/complete", choice));
            }
            List<Integer> statuses = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pool.invokeAll(completes)) {
                statuses.add(answer.get().statusCode());
                bodies.add(answer.get().body());
                if (answer.get().statusCode() != 204) {
                    assertThat(answer.get().body())
                            .doesNotContainIgnoringCase("sql")
                            .doesNotContain("Exception:");
                }
            }
            assertThat(statuses).as(bodies.toString()).containsOnly(204, 409);
            assertThat(statuses.stream().filter(s -> s == 204)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void governanceReadsAPodsTaskButWritesNoCommentOrAttachmentIntoIt() {
        Response comment = client.post(
                "gina", "/engine-rest/task/" + taskId + "/comment/create", Map.of("message", "decided already"));
        Response attachment = client.post(
                "gina",
                "/engine-rest/task/" + taskId + "/attachment/create",
                "multipart/form-data; boundary=b",
                HttpRequest.BodyPublishers.ofString(
                        part("attachment-name", "note") + part("attachment-description", "from governance")
                                + part("attachment-type", "link") + part("url", "https://example.org") + "--b--\r\n"));

        assertThat(client.get("gina", "/engine-rest/task/" + taskId).status()).isEqualTo(200);
        assertThat(comment.status()).as(String.valueOf(comment.body())).isEqualTo(403);
        assertThat(attachment.status()).as(String.valueOf(attachment.body())).isEqualTo(403);
        assertThat(client.get("demo", "/engine-rest/task/" + taskId + "/comment")
                        .body())
                .isEmpty();
        assertThat(client.get("demo", "/engine-rest/task/" + taskId + "/attachment")
                        .body())
                .isEmpty();
    }

    /** Camunda's REST API asks for the historic task first; the engine itself is what the Tasklist and the REST API share. */
    @Test
    void inTheEngineAnotherPodCannotCommentButThePodCan() {
        TaskService tasks = engine.getTaskService();
        engine.getIdentityService().setAuthentication("quinn", List.of("pod-borealis"));
        try {
            assertThatThrownBy(() -> tasks.createComment(taskId, null, "hello"))
                    .isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> tasks.createAttachment("link", taskId, null, "x", "y", "https://example.org"))
                    .isInstanceOf(AuthorizationException.class);
            engine.getIdentityService().setAuthentication("paula", List.of("pod-" + team));
            tasks.createComment(taskId, null, "we meet Tuesday");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(engine.getTaskService().getTaskComments(taskId))
                .extracting(c -> c.getFullMessage())
                .containsExactly("we meet Tuesday");
    }

    private static String part(String name, String value) {
        return "--b\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"//engine-rest/task?maxResults=1", "/engine-rest;x/task?maxResults=1", "/api/teams/%2e%2e/x"})
    void aPathBuiltToSlipPastPathMatchingIsABadRequest(String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString("paula:demo".getBytes(StandardCharsets.UTF_8)))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(answer.body()).contains("\"field\":\"path\"");
    }
}
