package org.podloop.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.task.ExternalTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.podloop.loop.ProcessIds;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A team's own assistant worker, as Camunda's external-task client against {@code /engine-rest}, logged in
 * as the technical user {@code assistant} (group pod-assistants): it writes the brief; it may do nothing
 * else in the engine (other topics, user tasks, variables, history, other variables on completion).
 */
class ExternalAssistantWorkerTest extends ApiTest {

    private static final String ASSISTANT = "assistant";
    private static final String TEXT = "Draft by the team's own agent: start with a speak-up round.";

    @Autowired
    private AssistantWorker builtIn;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    @BeforeEach
    void builtInAssistantDown() {
        builtIn.mode(AssistantWorker.Mode.DOWN);
    }

    @AfterEach
    void builtInAssistantWorkingAgain() {
        builtIn.mode(AssistantWorker.Mode.WORKING);
    }

    @Test
    void aWorkerOfItsOwnWritesTheBriefThroughEngineRest() throws Exception {
        String loopId = openLoop();
        CompletableFuture<ExternalTask> done = new CompletableFuture<>();
        ExternalTaskClient worker = ExternalTaskClient.create()
                .baseUrl("http://localhost:" + port + "/engine-rest")
                .workerId("team-agent")
                .addInterceptor(new BasicAuthProvider(ASSISTANT, "demo"))
                .disableBackoffStrategy()
                .asyncResponseTimeout(1000)
                .build();
        try {
            worker.subscribe(ProcessIds.TOPIC_BRIEF)
                    .businessKey(loopId)
                    .lockDuration(30_000)
                    .handler((task, service) -> {
                        try {
                            service.complete(
                                    task,
                                    Map.of(
                                            ProcessIds.VAR_ASSISTANT_BRIEF,
                                            TEXT,
                                            ProcessIds.VAR_ASSISTANT_WORKER,
                                            "team-agent",
                                            ProcessIds.VAR_ASSISTANT_PROMPT_HASH,
                                            "abc123"));
                            done.complete(task);
                        } catch (RuntimeException failed) {
                            done.completeExceptionally(failed);
                        }
                    })
                    .open();
            ExternalTask brief = done.get(30, TimeUnit.SECONDS);
            assertThat(brief.getBusinessKey()).isEqualTo(loopId);
            assertThat(brief.getTopicName()).isEqualTo(ProcessIds.TOPIC_BRIEF);

            JsonNode choose = client.loopTask("paula", "pod-" + team, loopId, ProcessIds.TASK_CHOOSE_INTERVENTION);
            assertThat(choose.get("processInstanceId").asText()).isEqualTo(brief.getProcessInstanceId());
            Response variable = client.get(
                    "demo",
                    "/engine-rest/process-instance/" + brief.getProcessInstanceId() + "/variables/"
                            + ProcessIds.VAR_ASSISTANT_BRIEF);
            assertThat(variable.status()).isEqualTo(200);
            assertThat(variable.body().get("value").asText()).isEqualTo(TEXT);

            JsonNode written = StreamSupport.stream(
                            client.get("demo", "/api/loops/" + loopId)
                                    .body()
                                    .get("timeline")
                                    .spliterator(),
                            false)
                    .filter(step -> step.path("type").asText().equals("ASSISTANT_BRIEF_WRITTEN"))
                    .findFirst()
                    .orElseThrow();
            assertThat(written.path("actor").asText()).isEqualTo("assistant");
            assertThat(written.path("detail").path("worker").asText()).isEqualTo("team-agent");
            assertThat(written.path("detail").path("completedBy").asText()).isEqualTo("assistant");
            assertThat(written.path("detail").path("promptHash").asText()).isEqualTo("abc123");
            assertThat(written.path("detail").path("text").asText()).isEqualTo(TEXT);
        } finally {
            worker.stop();
        }
    }

    @Test
    void theAssistantMayDoNothingElseInTheEngine() {
        String loopId = openLoop();
        // another topic, alone or next to its own
        assertThat(fetch(List.of("some-other-topic"), loopId).status()).isEqualTo(403);
        assertThat(fetch(List.of(ProcessIds.TOPIC_BRIEF, "some-other-topic"), loopId)
                        .status())
                .isEqualTo(403);

        Response fetched = fetch(List.of(ProcessIds.TOPIC_BRIEF), loopId);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).hasSize(1);
        String externalTask = fetched.body().get(0).get("id").asText();
        String instance = fetched.body().get(0).get("processInstanceId").asText();

        // on completion only its topic's text, the worker's name and the prompt hash
        for (Map<String, Object> wrong : List.<Map<String, Object>>of(
                Map.of(ProcessIds.VAR_ASSISTANT_BRIEF, "x", ProcessIds.VAR_TEAM_KEY, "other-team"),
                Map.of(ProcessIds.VAR_ASSISTANT_BRIEF, "x", ProcessIds.VAR_DECISION, "CLOSE"),
                Map.of(ProcessIds.VAR_ASSISTANT_DEBRIEF, "a debrief on the brief's topic"),
                Map.of(ProcessIds.VAR_ASSISTANT_BRIEF, "x".repeat(3501)))) {
            Response refused = complete(externalTask, wrong, Map.of());
            assertThat(refused.status())
                    .as("completing with %s", wrong.keySet())
                    .isEqualTo(400);
            assertThat(refused.body().get("message").asText()).isNotBlank();
        }
        Response local = complete(externalTask, Map.of(), Map.of(ProcessIds.VAR_RATIONALE, "mine"));
        assertThat(local.status()).isEqualTo(400);

        // no user tasks: neither seen nor worked
        String chooseAfterwards = null;
        Response tasks = client.get(ASSISTANT, "/engine-rest/task?maxResults=100");
        assertThat(tasks.status()).isIn(200, 403);
        if (tasks.status() == 200) {
            assertThat(tasks.body()).isEmpty();
        }
        // no variables, no history, no other engine reads or writes
        assertThat(client.get(ASSISTANT, "/engine-rest/process-instance/" + instance + "/variables")
                        .status())
                .isEqualTo(403);
        assertThat(client.send(
                                ASSISTANT,
                                "PUT",
                                "/engine-rest/process-instance/" + instance + "/variables/"
                                        + ProcessIds.VAR_ASSISTANT_BRIEF,
                                Map.of("value", "set around the task", "type", "String"))
                        .status())
                .isEqualTo(403);
        assertThat(client.post(
                                ASSISTANT,
                                "/engine-rest/process-instance/" + instance + "/variables",
                                Map.of("modifications", Map.of("teamKey", Map.of("value", "x"))))
                        .status())
                .isEqualTo(403);
        assertThat(client.get(ASSISTANT, "/engine-rest/variable-instance?maxResults=10")
                        .status())
                .isEqualTo(403);
        Response history = client.get(ASSISTANT, "/engine-rest/history/process-instance?maxResults=10");
        assertThat(history.status()).isIn(200, 403);
        if (history.status() == 200) {
            assertThat(history.body()).isEmpty();
        }
        assertThat(client.get(ASSISTANT, "/engine-rest/history/variable-instance?maxResults=10")
                        .status())
                .isIn(403);
        assertThat(client.post(
                                ASSISTANT,
                                "/engine-rest/process-instance/" + instance + "/modification",
                                Map.of(
                                        "instructions",
                                        List.of(Map.of("type", "cancel", "activityId", "Task_WriteBrief"))))
                        .status())
                .isEqualTo(403);

        // Podloop's own API answers it as any signed-in technical client, never with a failure
        for (String path : List.of(
                "/api/teams",
                "/api/teams/" + team,
                "/api/loops",
                "/api/loops/" + loopId,
                "/api/interventions",
                "/api/rules",
                "/api/pulses/mine",
                "/api/me/notifications",
                "/api/metrics",
                "/api/reports/effectiveness")) {
            assertThat(client.get(ASSISTANT, path).status()).as(path).isLessThan(500);
        }
        assertThat(client.get(ASSISTANT, "/api/loops/" + loopId).status()).isIn(403, 404);
        assertThat(client.get(ASSISTANT, "/engine-rest/external-task?maxResults=10")
                        .status())
                .isEqualTo(403);

        // its own work it does: the brief, then the pod's choose task is there, which it may not complete
        Response completed = complete(
                externalTask,
                Map.of(ProcessIds.VAR_ASSISTANT_BRIEF, TEXT, ProcessIds.VAR_ASSISTANT_WORKER, "team-agent"),
                Map.of());
        assertThat(completed.status()).as("%s", completed.body()).isEqualTo(204);
        JsonNode choose = client.loopTask("paula", "pod-" + team, loopId, ProcessIds.TASK_CHOOSE_INTERVENTION);
        chooseAfterwards = choose.get("id").asText();
        assertThat(client.get(ASSISTANT, "/engine-rest/task/" + chooseAfterwards)
                        .status())
                .isIn(403, 404);
        Response work = client.complete(ASSISTANT, chooseAfterwards, Map.of("interventionId", "speak-up-round"));
        assertThat(work.status()).isIn(403, 404);
        assertThat(client.loopTask("paula", "pod-" + team, loopId, ProcessIds.TASK_CHOOSE_INTERVENTION)
                        .get("id")
                        .asText())
                .isEqualTo(chooseAfterwards);
    }

    @Test
    void theAssistantMayHoldAnApiToken() {
        Response issued = client.post(
                "demo",
                "/api/tokens",
                Map.of("user", ASSISTANT, "name", "agent " + Instant.now().toEpochMilli()));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.body().get("secret").asText();
        String loopId = openLoop();
        Response fetched = client.post(
                org.podloop.support.PodloopClient.bearer(token),
                "/engine-rest/external-task/fetchAndLock",
                Map.of(
                        "workerId",
                        "team-agent",
                        "maxTasks",
                        1,
                        "topics",
                        List.of(Map.of(
                                "topicName",
                                ProcessIds.TOPIC_BRIEF,
                                "lockDuration",
                                Duration.ofSeconds(30).toMillis(),
                                "businessKey",
                                loopId))));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).hasSize(1);
        assertThat(client.post(
                                org.podloop.support.PodloopClient.bearer(token),
                                "/engine-rest/external-task/"
                                        + fetched.body().get(0).get("id").asText() + "/complete",
                                Map.of(
                                        "workerId",
                                        "team-agent",
                                        "variables",
                                        Map.of(
                                                ProcessIds.VAR_ASSISTANT_BRIEF,
                                                Map.of("value", TEXT, "type", "String"))))
                        .status())
                .isEqualTo(204);
    }

    private String openLoop() {
        return client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();
    }

    private Response fetch(List<String> topics, String loopId) {
        return client.post(
                ASSISTANT,
                "/engine-rest/external-task/fetchAndLock",
                Map.of(
                        "workerId",
                        "team-agent",
                        "maxTasks",
                        1,
                        "topics",
                        topics.stream()
                                .map(topic -> Map.of("topicName", topic, "lockDuration", 30_000, "businessKey", loopId))
                                .toList()));
    }

    private Response complete(String externalTask, Map<String, Object> variables, Map<String, Object> local) {
        return client.post(
                ASSISTANT,
                "/engine-rest/external-task/" + externalTask + "/complete",
                Map.of("workerId", "team-agent", "variables", typed(variables), "localVariables", typed(local)));
    }

    private static Map<String, Object> typed(Map<String, Object> variables) {
        return variables.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e ->
                (Object) Map.of("value", e.getValue(), "type", "String")));
    }
}
