package org.podloop.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Talks to a running Podloop over HTTP exactly as users and scripts do: HTTP Basic or an API token, JSON. */
public final class PodloopClient {

    public static final String PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The status, the JSON body (or null) and the {@code Retry-After} header (or null) of an answer. */
    public record Response(int status, JsonNode body, String retryAfter) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public PodloopClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String user, String path, Object body) {
        return send(user, "POST", path, body);
    }

    /** Any method with a JSON body (or none, when {@code body} is null). */
    public Response send(String user, String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
            return send(
                    user,
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/json")
                            .method(method, publisher));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A POST with any body and content type (CSV, BPMN XML), answered with JSON. */
    public Response post(String user, String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(
                user,
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", contentType)
                        .POST(body));
    }

    /** A GET answered with something other than JSON (CSV exports). */
    public HttpResponse<String> getText(String user, String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        authenticate(user, request);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response createTeam(String key, String... members) {
        return post("demo", "/api/teams", Map.of("key", key, "name", "Team " + key, "members", List.of(members)));
    }

    public Response postSnapshot(String team, String externalId, Map<String, Double> signals) {
        return postSnapshot(team, externalId, Instant.now(), signals);
    }

    public Response postSnapshot(String team, String externalId, Instant measuredAt, Map<String, Double> signals) {
        return postSnapshot("demo", team, externalId, measuredAt, signals);
    }

    /** Creates a user through the engine's REST API, as an administrator does in Camunda Admin; 204 when created. */
    public Response createUser(String admin, String id, String firstName, String password) {
        return post(
                admin,
                "/engine-rest/user/create",
                Map.of(
                        "profile",
                        Map.of("id", id, "firstName", firstName, "lastName", "User", "email", id + "@podloop.invalid"),
                        "credentials",
                        Map.of("password", password)));
    }

    /** A low baseline ({@code psychological_safety} 38, now) that opens a loop for {@code team}, as {@code user}. */
    public Response openLoop(String user, String team) {
        return postSnapshot(user, team, "baseline", Instant.now(), Map.of("psychological_safety", 38.0));
    }

    public Response postSnapshot(
            String user, String team, String externalId, Instant measuredAt, Map<String, Double> signals) {
        return post(
                user,
                "/api/teams/" + team + "/snapshots",
                Map.of(
                        "externalId",
                        externalId,
                        "measuredAt",
                        measuredAt.toString(),
                        "respondents",
                        6,
                        "signals",
                        signals));
    }

    /** The open tasks {@code user} finds through {@code /engine-rest/task} with the given query parameters (first 100). */
    public List<JsonNode> tasks(String user, Map<String, String> query) {
        // an authenticated engine query must page (queryMaxResultsLimit)
        StringBuilder path = new StringBuilder("/engine-rest/task?maxResults=100&");
        query.forEach((k, v) -> path.append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
        Response response = get(user, path.toString());
        if (response.status() != 200) {
            throw new AssertionError(
                    "task query as " + user + " answered " + response.status() + ": " + response.body());
        }
        return StreamSupport.stream(response.body().spliterator(), false).toList();
    }

    /** The one task of {@code taskKey} in the loop's iteration, as {@code user} finds it among {@code candidateGroup}'s tasks. */
    public JsonNode loopTask(String user, String candidateGroup, String loopId, String taskKey) {
        List<JsonNode> found = tasks(
                user,
                Map.of(
                        "candidateGroup",
                        candidateGroup,
                        "processInstanceBusinessKey",
                        loopId,
                        "taskDefinitionKey",
                        taskKey));
        if (found.size() != 1) {
            throw new AssertionError(user + " expected one " + taskKey + " for loop " + loopId + ", found " + found);
        }
        return found.get(0);
    }

    /** Deploys as Camunda Modeler does: multipart POST to {@code /engine-rest/deployment/create}. */
    public Response deploy(String user, String deploymentName, Map<String, String> files) {
        String boundary = "podloop" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        Map<String, String> fields = Map.of(
                "deployment-name",
                deploymentName,
                "enable-duplicate-filtering",
                "true",
                "deploy-changed-only",
                "true",
                "deployment-source",
                "test");
        fields.forEach((name, value) -> body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        files.forEach((name, content) -> body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"; filename=\"")
                .append(name)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(content)
                .append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return send(
                user,
                HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Response complete(String user, String taskId, Map<String, Object> variables) {
        ObjectNode vars = JSON.createObjectNode();
        variables.forEach(
                (name, value) -> vars.set(name, JSON.createObjectNode().set("value", JSON.valueToTree(value))));
        return post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", vars));
    }

    /** The caller for an API token: pass it wherever a user goes. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** {@code user} alone logs in with the demo password; {@code user:password} with that password; {@link #bearer} with a token. */
    private static void authenticate(String user, HttpRequest.Builder request) {
        if (user != null && user.startsWith("Bearer ")) {
            request.header("Authorization", user);
        } else if (user != null) {
            String credentials = user.contains(":") ? user : user + ":" + PASSWORD;
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private Response send(String user, HttpRequest.Builder request) {
        authenticate(user, request);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(
                    response.statusCode(),
                    body == null || body.isBlank() ? null : JSON.readTree(body),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
