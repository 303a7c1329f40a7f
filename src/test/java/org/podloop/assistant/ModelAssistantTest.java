package org.podloop.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The model-backed assistant against a local server that speaks OpenAI's chat-completions wire format
 * (the real services are not reachable from CI): what it is sent, a good answer used, a bad or slow one
 * replaced by the built-in draft.
 */
class ModelAssistantTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private AssistantWorker worker;

    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** What the server answers, given the draft it was sent; null: name the draft's top option. */
    private volatile String answer;

    private volatile long delayMillis;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula", "pete", "priya"};
    }

    @BeforeEach
    void aModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(request);
            String draft = request.at("/messages/1/content").asText();
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = JSON.writeValueAsBytes(Map.of(
                    "id",
                    "chatcmpl-1",
                    "object",
                    "chat.completion",
                    "created",
                    1_764_000_000,
                    "model",
                    "test-model",
                    "choices",
                    List.of(Map.of(
                            "index",
                            0,
                            "message",
                            Map.of("role", "assistant", "content", answerTo(draft)),
                            "finish_reason",
                            "stop")),
                    "usage",
                    Map.of("prompt_tokens", 100, "completion_tokens", 50, "total_tokens", 150)));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException gone) {
                // the client gave up (the slow case)
            }
            exchange.close();
        });
        server.start();
        worker.useModel(new ModelAssistant(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "test-model",
                "sk-test",
                Duration.ofSeconds(1),
                3500));
    }

    /** A model that did its job: the figures in its own words, and the top option by name. */
    private String answerTo(String draft) {
        if (answer != null) {
            return answer;
        }
        int start = draft.indexOf("1. ") + 3;
        String top = draft.substring(start, draft.indexOf(" — ", start));
        return "Hand-offs in your team take about 60 hours. Start with “" + top + "”.";
    }

    @AfterEach
    void stop() {
        worker.useModel(null);
        server.stop(0);
    }

    /** A loop opened by a snapshot whose survey metric is suppressed (2 respondents) and an execution metric is high. */
    private String openLoop() {
        var posted = client.post(
                "demo",
                "/api/teams/" + team + "/snapshots",
                Map.of(
                        "externalId",
                        "baseline",
                        "measuredAt",
                        "2026-12-01T09:00:00Z",
                        "respondents",
                        2,
                        "signals",
                        Map.of("psychological_safety", 31.0, "handoff_delay_hours", 60.0)));
        assertThat(posted.status()).as(posted.body().toString()).isEqualTo(200);
        return posted.body().at("/loop/id").asText();
    }

    /** The brief on the loop's timeline, once the model's thread has written it (it works apart from the request). */
    private JsonNode brief(String loopId) {
        JsonNode loop = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            loop = client.get("demo", "/api/loops/" + loopId).body();
            for (JsonNode step : loop.path("timeline")) {
                if (step.path("type").asText().equals("ASSISTANT_BRIEF_WRITTEN")) {
                    return step;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no brief on " + loop);
    }

    @Test
    void aGoodAnswerIsUsedAndTheModelIsSentTeamAggregatesOnly() {
        answer = null;
        delayMillis = 0;
        String loopId = openLoop();
        JsonNode step = brief(loopId);

        assertThat(requests).hasSize(1);
        JsonNode request = requests.get(0);
        assertThat(request.path("model").asText()).isEqualTo("test-model");
        assertThat(authorizations.get(0)).isEqualTo("Bearer sk-test");
        String sent = request.path("messages").toString();
        assertThat(sent)
                .contains("Handoff delay", "team " + team)
                .doesNotContain("paula", "pete", "priya", "demo")
                .doesNotContain("Psychological safety", "psychological_safety");
        assertThat(step.at("/detail/worker").asText()).isEqualTo("test-model");
        assertThat(step.at("/detail/text").asText())
                .startsWith("Draft by Podloop's assistant (test-model), for the pod to weigh: the pod decides.")
                .contains("Hand-offs in your team take about 60 hours. Start with “");
        assertThat(step.at("/detail/promptHash").asText()).hasSize(64);
    }

    @Test
    void anUnusableAnswerLeavesTheBuiltInDraft() {
        delayMillis = 0;
        answer = "";
        JsonNode empty = brief(openLoop());
        assertThat(empty.at("/detail/worker").asText())
                .isEqualTo("built-in; test-model gave no usable text: empty answer");
        assertThat(empty.at("/detail/text").asText()).startsWith("Draft by Podloop's assistant (built-in)");
    }

    @Test
    void aServerSlowerThanItsTimeoutLeavesTheBuiltInDraft() {
        answer = "too late";
        delayMillis = 3000;
        String loopId = openLoop();
        JsonNode step = brief(loopId);
        assertThat(step.at("/detail/worker").asText())
                .startsWith("built-in; test-model gave no usable text: the model server failed");
        assertThat(step.at("/detail/text").asText()).startsWith("Draft by Podloop's assistant (built-in)");
        // and the pod has its task all the same
        assertThat(client.get("demo", "/api/loops/" + loopId)
                        .body()
                        .path("timeline")
                        .toString())
                .contains("Task_ChooseIntervention");
    }
}
