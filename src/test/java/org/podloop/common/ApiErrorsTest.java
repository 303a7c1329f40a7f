package org.podloop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient;
import org.podloop.support.PodloopClient.Response;

/**
 * Every error of {@code /api/**} as a client sees it: problem JSON with a message in words naming
 * the bad field, 400 for bad input, 409 for the loser of a race, never 500, and nothing stored.
 */
class ApiErrorsTest extends ApiTest {

    private static final String CSV_HEADER = "team,externalId,measuredAt,respondents,metric,value\n";
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected String[] teamMembers() {
        return new String[] {"quinn"};
    }

    private int storedRows() {
        return jdbc.queryForObject(
                "select (select count(*) from teams) + (select count(*) from snapshots)"
                        + " + (select count(*) from snapshot_metrics) + (select count(*) from classifications)"
                        + " + (select count(*) from loops)",
                Integer.class);
    }

    private static String snapshot(String externalId, String measuredAt, String respondents, String signals) {
        return "{\"externalId\":" + externalId + ",\"measuredAt\":" + measuredAt + ",\"respondents\":" + respondents
                + ",\"signals\":" + signals + "}";
    }

    /** A raw request, so that the test sees the Content-Type and body exactly as a client does. */
    private HttpResponse<String> raw(String method, String path, String contentType, byte[] body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                ("demo:" + PodloopClient.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What every problem answer shares: the status, problem JSON, and words instead of internals. */
    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"status\":" + status)
                .contains("\"title\"")
                .contains("\"detail\"")
                .doesNotContainPattern("java\\.|org\\.|com\\.fasterxml|Exception|SQL|select |insert ");
    }

    private HttpResponse<String> assertRefused(
            Supplier<HttpResponse<String>> request, int status, String field, String reason) {
        int before = storedRows();
        HttpResponse<String> response = request.get();
        assertProblem(response, status);
        if (field != null) {
            assertThat(response.body()).contains("\"field\":\"" + field + "\"");
        }
        assertThat(response.body()).contains(reason);
        assertThat(storedRows()).as("rows stored").isEqualTo(before);
        return response;
    }

    private HttpResponse<String> postJson(String path, String json) {
        return raw("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/html", "*/*"})
    void anUnknownApiPathIs404ProblemJsonWhateverTheClientAccepts(String accept) {
        HttpResponse<String> response = raw("GET", "/api/no-such-thing", null, null, accept);

        assertProblem(response, 404);
        assertThat(response.body()).contains("GET /api/no-such-thing: no such endpoint");
    }

    @Test
    void aWrongMethodIs405ProblemJsonNamingTheAllowedOnes() {
        HttpResponse<String> response = raw("DELETE", "/api/teams", null, null, null);

        assertProblem(response, 405);
        assertThat(response.body()).contains("DELETE is not supported here; allowed: GET, POST");
        assertThat(response.headers().firstValue("Allow")).isPresent();
    }

    @Test
    void aWrongContentTypeIs415ProblemJson() {
        int before = storedRows();
        HttpResponse<String> response = raw("POST", "/api/snapshots/import", "application/json", "{}".getBytes(), null);

        assertProblem(response, 415);
        assertThat(response.body()).contains("Content-Type application/json is not supported here; send text/csv");
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void pagesKeepTheirHtmlErrorPage() {
        HttpResponse<String> unknownPage = raw("GET", "/no-such-page", null, null, "text/html");
        assertThat(unknownPage.statusCode()).isEqualTo(404);
        assertThat(unknownPage.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));

        assertThat(unknownPage.body())
                .contains("Podloop")
                .contains("404")
                .contains("href=\"/\"")
                .doesNotContain("Whitelabel");

        HttpResponse<String> governance = raw("GET", "/governance/no-such-page", null, null, "text/html");
        assertThat(governance.statusCode()).as("to the login form").isEqualTo(302);
        assertThat(governance.headers().firstValue("Content-Type").orElse("")).doesNotContain("json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/html"})
    void anUnknownEngineRestPathIsJsonNotAPage(String accept) {
        HttpResponse<String> response = raw("GET", "/engine-rest/no-such-thing", null, null, accept);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(response.body()).doesNotContain("<html");
    }

    @ParameterizedTest
    @CsvSource({"2147483647, 20, page", "-1, 20, page", "107374182, 20, page", "0, 501, size", "0, -5, size"})
    void aPageBeyondWhatTheDatabaseCanOffsetIsRefused(String page, String size, String field) {
        assertRefused(
                () -> raw("GET", "/api/teams/" + team + "/snapshots?page=" + page + "&size=" + size, null, null, null),
                400,
                field,
                field + ": must be between");
        assertRefused(
                () -> raw("GET", "/api/loops?page=" + page + "&size=" + size, null, null, null),
                400,
                field,
                field + ": must be between");
    }

    @Test
    void theLastPageThatFitsIsEmptyNotAnError() {
        Response last = client.get("quinn", "/api/teams/" + team + "/snapshots?page=107374181&size=20");

        assertThat(last.status()).isEqualTo(200);
        assertThat(last.body().get("items")).isEmpty();
        assertThat(client.get("demo", "/api/loops?page=107374181&size=20").status())
                .isEqualTo(200);
        assertProblem(raw("GET", "/api/loops?page=99999999999", null, null, null), 400);
    }

    @Test
    void aTeamNameOverTheColumnIsRefusedWithTheMaximum() {
        String name = "n".repeat(201);
        assertRefused(
                () -> postJson("/api/teams", "{\"key\":\"long-name\",\"name\":\"" + name + "\"}"),
                400,
                "name",
                "name: must be at most 200 characters, is 201");
        assertRefused(
                () -> postJson(
                        "/api/teams",
                        "{\"key\":\"long-member\",\"name\":\"x\",\"members\":[\"" + "m".repeat(65) + "\"]}"),
                400,
                "members[0]",
                "at most 64 characters");
        assertThat(client.post("demo", "/api/teams", Map.of("key", "just-fits", "name", "n".repeat(200)))
                        .status())
                .isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "NUL, \\u0000, control characters",
        "bell, \\u0007, control characters",
        "newline, \\n, control characters",
        "DEL, \\u007f, control characters",
        "right-to-left override, \\u202e, bidirectional",
        "left-to-right embedding, \\u202a, bidirectional",
        "first strong isolate, \\u2068, bidirectional",
        "pop directional isolate, \\u2069, bidirectional",
        "lone surrogate, \\ud800, unpaired surrogates"
    })
    void aTeamNameThatHidesOrReordersTextIsRefused(String what, String escape, String reason) {
        assertRefused(
                () -> postJson("/api/teams", "{\"key\":\"sneaky\",\"name\":\"Atlas" + escape + "gpj.exe\"}"),
                400,
                "name",
                "name: must not contain " + reason);
        assertThat(client.get("demo", "/api/teams/sneaky").status()).isEqualTo(404);
    }

    @Test
    void namesInOtherScriptsAndEmojiAreFine() {
        assertThat(client.post("demo", "/api/teams", Map.of("key", "unicode", "name", "Équipe 北 🚀 עברית"))
                        .status())
                .isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a string for a number      | "e1"  | "2026-11-02T09:00:00Z" | 6        | {"psychological_safety":"38"} | signals.psychological_safety | signals.psychological_safety: must be a number
            a string for respondents   | "e1"  | "2026-11-02T09:00:00Z" | "6"      | {"engagement":50}             | respondents | respondents: must be a whole number
            a fraction of respondents  | "e1"  | "2026-11-02T09:00:00Z" | 6.5      | {"engagement":50}             | respondents | respondents: must be a whole number
            too many respondents       | "e1"  | "2026-11-02T09:00:00Z" | 99999999999 | {"engagement":50}          | respondents | respondents: must be a whole number from
            a numeric externalId       | 12    | "2026-11-02T09:00:00Z" | 6        | {"engagement":50}             | externalId  | externalId: must be a string
            a boolean externalId       | true  | "2026-11-02T09:00:00Z" | 6        | {"engagement":50}             | externalId  | externalId: must be a string
            a numeric measuredAt       | "e1"  | 1762074000             | 6        | {"engagement":50}             | measuredAt  | measuredAt: must be an ISO-8601 instant
            a fractional measuredAt    | "e1"  | 1762074000.5           | 6        | {"engagement":50}             | measuredAt  | measuredAt: must be an ISO-8601 instant
            a year far in the past     | "e1"  | "-999999999-01-01T00:00:00Z" | 6  | {"engagement":50}             | measuredAt  | measurements are accepted from 2000-01-01T00:00:00Z to 5 minutes from now
            a year far in the future   | "e1"  | "+99999-01-01T00:00:00Z" | 6      | {"engagement":50}             | measuredAt  | measuredAt: lies in the future
            the year 1999              | "e1"  | "1999-12-31T23:59:59Z" | 6        | {"engagement":50}             | measuredAt  | lies before 2000-01-01T00:00:00Z
            signals as a list          | "e1"  | "2026-11-02T09:00:00Z" | 6        | [50]                          | signals     | signals: must be an object
            a NUL in the externalId    | "e\\u0000" | "2026-11-02T09:00:00Z" | 6   | {"engagement":50}             | externalId  | externalId: must not contain control characters
            """)
    void aSnapshotValueOfTheWrongKindIsRefusedNamingTheField(
            String what,
            String externalId,
            String measuredAt,
            String respondents,
            String signals,
            String field,
            String reason) {
        assertRefused(
                () -> postJson(
                        "/api/teams/" + team + "/snapshots", snapshot(externalId, measuredAt, respondents, signals)),
                400,
                field,
                reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {" {\"externalId\":\"e2\"}", " []", " x", "}", " garbage"})
    void anythingAfterTheJsonDocumentIsRefused(String trailing) {
        String body = snapshot("\"e1\"", "\"2026-11-02T09:00:00Z\"", "6", "{\"engagement\":50}") + trailing;

        assertRefused(() -> postJson("/api/teams/" + team + "/snapshots", body), 400, "body", "body: ");
    }

    @Test
    void aWellFormedSnapshotStillPasses() {
        HttpResponse<String> response = postJson(
                "/api/teams/" + team + "/snapshots",
                snapshot("\"e1\"", "\"2026-11-02T09:00:00Z\"", "6", "{\"engagement\":50.5,\"rework_rate\":\"NaN\"}"));
        assertProblem(response, 400); // NaN as a string is read, then refused by the scale check
        assertThat(response.body()).contains("signals.rework_rate: must be a finite number");

        assertThat(postJson(
                                "/api/teams/" + team + "/snapshots",
                                snapshot("\"e1\"", "\"2026-11-02T09:00:00Z\"", "6", "{\"engagement\":50.5}"))
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> importCsv(byte[] csv) {
        return raw("POST", "/api/snapshots/import", "text/csv", csv, null);
    }

    @Test
    void aCsvFileWithAByteOrderMarkImports() {
        byte[] text =
                (CSV_HEADER + team + ",w1,2026-10-05T09:00:00Z,6,engagement,64\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        HttpResponse<String> response = importCsv(withBom);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"created\":1");
    }

    @Test
    void aCsvFileThatIsNotUtf8IsRefusedNamingTheLineAndStoresNothing() {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        // enough lines that the bad byte lies far beyond the first buffer of the reader
        for (int week = 1; week <= 400; week++) {
            csv.append(team).append(",w").append(week).append(",2026-10-05T09:00:00Z,6,engagement,64\n");
        }
        csv.append(team).append(",Caf\u00e9,2026-10-05T09:00:00Z,6,engagement,64\n");
        byte[] latin1 = csv.toString().getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = assertRefused(() -> importCsv(latin1), 400, "body", "not valid UTF-8");

        assertThat(response.body()).contains("\"line\":402");
    }

    @Test
    void parallelIdenticalSnapshotsAndTeamsNever500() throws Exception {
        String body = snapshot("\"same\"", "\"2026-11-02T09:00:00Z\"", "6", "{\"psychological_safety\":40}");
        for (HttpResponse<String> answer : inParallel(6, () -> postJson("/api/teams/" + team + "/snapshots", body))) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("select count(*) from snapshots where team_key = ?", Integer.class, team))
                .isEqualTo(1);

        String newTeam = "{\"key\":\"" + team + "-twin\",\"name\":\"Twin\"}";
        List<HttpResponse<String>> creations = inParallel(4, () -> postJson("/api/teams", newTeam));
        assertThat(creations).filteredOn(answer -> answer.statusCode() == 201).hasSize(1);
        creations.stream().filter(answer -> answer.statusCode() != 201).forEach(answer -> assertProblem(answer, 409));
    }

    private static List<HttpResponse<String>> inParallel(int threads, Supplier<HttpResponse<String>> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFutureMeasurementNamesTheWindow() {
        String tomorrow = "\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"";
        assertRefused(
                () -> postJson(
                        "/api/teams/" + team + "/snapshots", snapshot("\"e1\"", tomorrow, "6", "{\"engagement\":50}")),
                400,
                "measuredAt",
                "to 5 minutes from now");
    }
}
