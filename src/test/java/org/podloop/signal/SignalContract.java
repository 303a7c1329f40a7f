package org.podloop.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient.Response;

/**
 * The signal side as clients see it over HTTP: catalogue, scoring, privacy, validation,
 * idempotency and CSV import. Runs once per database (subclasses).
 */
abstract class SignalContract extends ApiTest {

    static final String CSV_HEADER = "team,externalId,measuredAt,respondents,metric,value\n";

    @Override
    protected String[] teamMembers() {
        return new String[] {"quinn"};
    }

    int storedRows() {
        return jdbc.queryForObject(
                "select (select count(*) from snapshots) + (select count(*) from snapshot_metrics)"
                        + " + (select count(*) from classifications) + (select count(*) from loops)",
                Integer.class);
    }

    String snapshot(String fields) {
        return "{\"externalId\":\"e1\",\"measuredAt\":\"2026-11-02T09:00:00Z\",\"respondents\":5," + fields + "}";
    }

    static String answers(int sets, String set) {
        return "[" + String.join(",", java.util.Collections.nCopies(sets, set)) + "]";
    }

    @Test
    void theCatalogueListsEveryMetricWithScaleDirectionAreaAndSurveys() {
        JsonNode metrics = client.get("quinn", "/api/metrics").body();

        List<String> keys = new ArrayList<>();
        metrics.forEach(m -> keys.add(m.get("key").asText()));
        assertThat(keys)
                .containsExactlyInAnyOrder(
                        "psychological_safety",
                        "engagement",
                        "alignment",
                        "wellbeing",
                        "handoff_delay_hours",
                        "ownership_clarity",
                        "feedback_rate",
                        "dissent_voiced",
                        "decision_latency_days",
                        "commitment_reliability",
                        "delivery_gap",
                        "rework_rate");
        JsonNode safety = metrics.get(0);
        assertThat(safety.get("direction").asText()).isEqualTo("HIGHER_IS_BETTER");
        assertThat(safety.get("max").asDouble()).isEqualTo(100.0);
        assertThat(safety.at("/survey/reverseScored").toString()).isEqualTo("[1,3,5]");
        assertThat(metrics.findValuesAsText("direction")).contains("LOWER_IS_BETTER");
    }

    @Test
    void aTeamShowsItsPodGroupAndMembersAndBadTeamsAreRefused() {
        JsonNode created = client.get("quinn", "/api/teams/" + team).body();
        assertThat(created.get("podGroup").asText()).isEqualTo("pod-" + team);
        assertThat(created.get("members").toString()).isEqualTo("[\"quinn\"]");
        assertThat(client.get("quinn", "/api/teams").body().findValuesAsText("key"))
                .contains(team, "atlas", "borealis");
        assertThat(client.get("quinn", "/api/teams/no-such-team").status()).isEqualTo(404);

        assertThat(client.post("demo", "/api/teams", Map.of("key", "Bad Key", "name", "x"))
                        .body()
                        .get("field")
                        .asText())
                .isEqualTo("key");
        assertThat(client.post(
                                "demo",
                                "/api/teams",
                                Map.of("key", "fine-key", "name", "x", "members", List.of("nobody")))
                        .body()
                        .get("field")
                        .asText())
                .isEqualTo("members[0]");
        assertThat(client.createTeam(team).status()).isEqualTo(409);
        assertThat(client.get("quinn", "/api/teams/fine-key").status())
                .as("nothing stored")
                .isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown metric                 | "signals":{"happiness":50}                                   | signals.happiness           | unknown metric
            value above the scale          | "signals":{"psychological_safety":100.5}                     | signals.psychological_safety | outside the scale
            value below the scale          | "signals":{"psychological_safety":-1}                        | signals.psychological_safety | outside the scale
            NaN                            | "signals":{"psychological_safety":"NaN"}                     | signals.psychological_safety | finite number
            infinity                       | "signals":{"psychological_safety":"Infinity"}                | signals.psychological_safety | finite number
            a value of the wrong type      | "signals":{"psychological_safety":"high"}                    | signals.psychological_safety | psychological_safety
            no metric at all               | "signals":{}                                                 | signals                     | at least one metric
            an unknown field               | "signal":{"psychological_safety":50}                         | signal                      | unknown field
            a survey of a non-survey metric | "surveys":{"handoff_delay_hours":[[1,2,3]]}                 | surveys.handoff_delay_hours | has no survey
            a survey answer above 7        | "surveys":{"psychological_safety":[[1,2,8,4,5,6,7]]}         | surveys.psychological_safety[0][2] | whole number from 1 to 7
            a survey answer below 1        | "surveys":{"psychological_safety":[[0,2,3,4,5,6,7]]}         | surveys.psychological_safety[0][0] | whole number from 1 to 7
            a fractional survey answer     | "surveys":{"psychological_safety":[[1,2,3,4.5,5,6,7]]}       | surveys.psychological_safety[0][3] | whole number
            a survey with six answers      | "surveys":{"psychological_safety":[[1,2,3,4,5,6]]}           | surveys.psychological_safety[0] | 7 answers
            more answer sets than respondents | "surveys":{"wellbeing":[[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]]} | surveys.wellbeing | respondents is 5
            a metric in signals and surveys | "signals":{"wellbeing":50},"surveys":{"wellbeing":[[1,2,3,4]]} | surveys.wellbeing        | also given in signals
            """)
    void aBadMetricIsRefusedNamingTheFieldAndStoresNothing(String what, String fields, String field, String reason) {
        assertRefused("/api/teams/" + team + "/snapshots", snapshot(fields), field, reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing externalId       | {"measuredAt":"2026-11-02T09:00:00Z","respondents":5,"signals":{"engagement":50}}                  | externalId  | required
            blank externalId         | {"externalId":" ","measuredAt":"2026-11-02T09:00:00Z","respondents":5,"signals":{"engagement":50}} | externalId | required
            missing measuredAt       | {"externalId":"e1","respondents":5,"signals":{"engagement":50}}                                   | measuredAt  | required
            measuredAt not a date    | {"externalId":"e1","measuredAt":"last tuesday","respondents":5,"signals":{"engagement":50}}       | measuredAt  | measuredAt
            respondents 0            | {"externalId":"e1","measuredAt":"2026-11-02T09:00:00Z","respondents":0,"signals":{"engagement":50}} | respondents | at least 1
            respondents of wrong type | {"externalId":"e1","measuredAt":"2026-11-02T09:00:00Z","respondents":"many","signals":{"engagement":50}} | respondents | respondents
            malformed JSON           | {"externalId":"e1",                                                                               | body        | not valid JSON
            """)
    void aBadSnapshotIsRefusedNamingTheFieldAndStoresNothing(String what, String body, String field, String reason) {
        assertRefused("/api/teams/" + team + "/snapshots", body, field, reason);
    }

    @Test
    void aMeasurementMoreThanFiveMinutesAheadIsRefused() {
        String future = Instant.now().plus(6, ChronoUnit.MINUTES).toString();
        assertRefused(
                "/api/teams/" + team + "/snapshots",
                snapshot("\"signals\":{\"engagement\":50}").replace("2026-11-02T09:00:00Z", future),
                "measuredAt",
                "future");
        String nearlyNow = Instant.now().plus(4, ChronoUnit.MINUTES).toString();
        assertThat(client.post(
                                "collector",
                                "/api/teams/" + team + "/snapshots",
                                snapshot("\"signals\":{\"engagement\":50}").replace("2026-11-02T09:00:00Z", nearlyNow))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownTeamIsRefused() {
        assertRefused(
                "/api/teams/no-such-team/snapshots",
                snapshot("\"signals\":{\"engagement\":50}"),
                "team",
                "unknown team");
    }

    @Test
    void aBodyOverOneMebibyteIsRefused() {
        String padding = "x".repeat(1024 * 1024);
        assertRefused(
                "/api/teams/" + team + "/snapshots",
                snapshot("\"signals\":{\"engagement\":50},\"note\":\"" + padding + "\""),
                "body",
                "larger than 1024 KiB");
    }

    private void assertRefused(String path, String body, String field, String reason) {
        int before = storedRows();

        Response response = client.post("collector", path, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().get("field").asText()).isEqualTo(field);
        assertThat(response.body().get("detail").asText()).contains(field).contains(reason);
        assertThat(storedRows()).as("rows stored").isEqualTo(before);
    }

    @Test
    void rawSurveysAreScoredAndOnlyTheAggregatesAreStored() {
        String safe = "[1,7,1,7,1,7,7]";
        String unsafe = "[7,1,7,1,7,1,1]";
        Response posted = client.post(
                "collector",
                "/api/teams/" + team + "/snapshots",
                snapshot("\"surveys\":{\"psychological_safety\":[" + safe + "," + safe + "," + safe + "," + unsafe
                        + "]}"));

        assertThat(posted.status()).isEqualTo(200);
        JsonNode stored = client.get("quinn", "/api/teams/" + team + "/snapshots")
                .body()
                .at("/items/0/metrics/psychological_safety");
        assertThat(stored.get("mean").asDouble()).isEqualTo(75.0);
        // from four, the spread would let two of them solve the other two's scores: stored without it
        assertThat(stored.path("sd").isNumber()).isFalse();
        assertThat(stored.get("respondents").asInt()).isEqualTo(4);
        // one row per metric holding the aggregates, not one per respondent
        assertThat(jdbc.queryForList(
                        "select m.mean_value, m.sd, m.respondents from snapshot_metrics m"
                                + " join snapshots s on s.id = m.snapshot_id where s.team_key = ?",
                        team))
                .singleElement()
                .satisfies(row -> assertThat(
                                row.values().stream().map(v -> v == null ? null : ((Number) v).doubleValue()))
                        .containsExactly(75.0, null, 4.0));
        // and the governance record of it holds the same aggregates, no answer sets
        assertThat(jdbc.queryForList(
                        "select content from audit_entries where kind = 'SNAPSHOT_RECORDED'" + " and content like ?",
                        String.class,
                        "%\"team\":\"" + team + "\"%"))
                .singleElement()
                .asString()
                .contains("\"mean\":75.0")
                .doesNotContain("[1,7")
                .doesNotContain("[7,1");
    }

    @Test
    void aTeamSplitOnPsychologicalSafetyIsHiddenDisagreementWithTheStoredSpreadAsEvidence() {
        String safe = "[1,7,1,7,1,7,7]";
        String unsafe = "[7,1,7,1,7,1,1]";
        Response posted = client.post(
                "collector",
                "/api/teams/" + team + "/snapshots",
                snapshot("\"surveys\":{\"psychological_safety\":[" + String.join(",", safe, safe, safe, unsafe, unsafe)
                        + "]}"));

        assertThat(posted.status()).isEqualTo(200);
        // a mean of 60 is above every safety threshold; three score 100 and two score 0 (sd 54.77)
        JsonNode finding = posted.body().at("/findings/0");
        assertThat(posted.body().get("findings")).hasSize(1);
        assertThat(finding.get("pattern").asText()).isEqualTo("HIDDEN_DISAGREEMENT");
        assertThat(finding.at("/evidence/0/metric").asText()).isEqualTo("psychological_safety");
        assertThat(finding.at("/evidence/0/measure").asText()).isEqualTo("sd");
        assertThat(finding.at("/evidence/0/value").asDouble()).isEqualTo(54.77);
    }

    @Test
    void aSurveyMetricBelowThreeRespondentsIsSuppressedNotClassifiedAndNeverReturned() {
        String unsafe = "[7,1,7,1,7,1,1]";
        Response posted = client.post(
                "collector",
                "/api/teams/" + team + "/snapshots",
                snapshot("\"surveys\":{\"psychological_safety\":[" + unsafe + "," + unsafe
                        + "]},\"signals\":{\"rework_rate\":12}"));

        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.body().get("findings"))
                .as("a score of 0 from two people is not classified")
                .isEmpty();
        JsonNode metrics =
                client.get("quinn", "/api/teams/" + team + "/snapshots").body().at("/items/0/metrics");
        assertThat(metrics.get("psychological_safety").toString()).isEqualTo("{\"suppressed\":true}");
        assertThat(metrics.at("/rework_rate/mean").asDouble()).isEqualTo(12.0);
        assertThat(jdbc.queryForObject(
                        "select count(*) from snapshot_metrics m join snapshots s on s.id = m.snapshot_id"
                                + " where s.team_key = ? and m.suppressed and m.mean_value is null and m.sd is null",
                        Integer.class,
                        team))
                .isEqualTo(1);
    }

    @Test
    void aComputedSurveyMetricFromTooFewRespondentsIsSuppressedToo() {
        Response posted = client.post(
                "collector",
                "/api/teams/" + team + "/snapshots",
                snapshot("\"signals\":{\"psychological_safety\":20}")
                        .replace("\"respondents\":5", "\"respondents\":2"));

        assertThat(posted.body().get("findings")).isEmpty();
        assertThat(client.get("quinn", "/api/teams/" + team + "/snapshots")
                        .body()
                        .at("/items/0/metrics/psychological_safety/suppressed")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void snapshotsArePagedNewestFirst() {
        for (int week = 1; week <= 3; week++) {
            client.postSnapshot(
                    team, "week-" + week, Instant.parse("2026-10-0" + week + "T09:00:00Z"), Map.of("engagement", 70.0));
        }

        JsonNode page =
                client.get("quinn", "/api/teams/" + team + "/snapshots?size=2").body();

        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items").findValuesAsText("externalId")).containsExactly("week-3", "week-2");
        assertThat(client.get("quinn", "/api/teams/" + team + "/snapshots?size=2&page=1")
                        .body()
                        .get("items")
                        .findValuesAsText("externalId"))
                .containsExactly("week-1");
        assertThat(client.get("quinn", "/api/teams/" + team + "/snapshots?size=0")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void eightConcurrentPostsOfOneExternalIdStoreExactlyOneSnapshot() throws Exception {
        String body = snapshot("\"signals\":{\"psychological_safety\":40}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.post("collector", "/api/teams/" + team + "/snapshots", body);
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            Set<String> loops = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.status())
                        .as(String.valueOf(response.body()))
                        .isEqualTo(200);
                ids.add(response.body().get("snapshotId").asText());
                loops.add(response.body().at("/loop/id").asText());
            }
            assertThat(ids).hasSize(1);
            assertThat(loops).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from snapshots where team_key = ?", Integer.class, team))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from loops where team_key = ?", Integer.class, team))
                .isEqualTo(1);
    }

    Response importCsv(String csv) {
        return importCsv(HttpRequest.BodyPublishers.ofString(csv));
    }

    Response importCsv(HttpRequest.BodyPublisher csv) {
        return client.post("demo", "/api/snapshots/import", "text/csv", csv);
    }

    @Test
    void aCsvFileImportsItsSnapshotsAndAgainChangesNothing() {
        String csv = CSV_HEADER
                + team + ",w1,2026-10-05T09:00:00Z,6,psychological_safety,72\n"
                + team + ",w1,2026-10-05T09:00:00Z,6,engagement,64\n"
                + team + ",w2,2026-10-12T09:00:00Z,6,psychological_safety,41\n"
                + "\"" + team + "\",\"w3, late\",2026-10-19T09:00:00Z,5,rework_rate,8.5\n";

        Response first = importCsv(csv);
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
        assertThat(first.body().get("created").asInt()).isEqualTo(3);
        assertThat(first.body().get("rejected").asInt()).isZero();
        assertThat(client.get("quinn", "/api/teams/" + team + "/snapshots")
                        .body()
                        .get("items")
                        .findValuesAsText("externalId"))
                .containsExactly("w3, late", "w2", "w1");
        assertThat(jdbc.queryForObject("select count(*) from classifications where team_key = ?", Integer.class, team))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from loops where team_key = ?", Integer.class, team))
                .as("imports are history and start no loop")
                .isZero();

        Response again = importCsv(csv);
        assertThat(again.body().get("created").asInt()).isZero();
        assertThat(again.body().get("unchanged").asInt()).isEqualTo(3);
    }

    /**
     * The trend rules read the three snapshots measured before each one. An import of a team's weeks sees
     * the earlier weeks of the same file, in the order of time, not of the file: its findings are those of
     * the same weeks posted one by one.
     */
    @Test
    void anImportedSnapshotSeesTheEarlierWeeksOfTheSameFileAsItsTrend() {
        String[][] weeks = {
            {"w1", "2026-09-07T09:00:00Z", "80"},
            {"w2", "2026-09-14T09:00:00Z", "74"},
            {"w3", "2026-09-21T09:00:00Z", "68"}
        };
        String posted = team + "p";
        assertThat(client.createTeam(posted, "quinn").status()).isEqualTo(201);
        JsonNode findingsPosted = null;
        for (String[] week : weeks) {
            Response answer = client.postSnapshot(
                    posted, week[0], Instant.parse(week[1]), Map.of("psychological_safety", Double.valueOf(week[2])));
            assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
            findingsPosted = answer.body().get("findings");
        }
        assertThat(findingsPosted)
                .as("two weekly declines of 6 points are a trend")
                .isNotEmpty();

        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (String[] week : new String[][] {weeks[2], weeks[0], weeks[1]}) {
            csv.append(team + "," + week[0] + "," + week[1] + ",6,psychological_safety," + week[2] + "\n");
        }
        Response imported = importCsv(csv.toString());
        assertThat(imported.body().get("created").asInt())
                .as(String.valueOf(imported.body()))
                .isEqualTo(3);

        String findingsOfWeek = "select c.findings_json from classifications c join snapshots s on s.id = c.snapshot_id"
                + " where s.team_key = ? and s.external_id = ?";
        for (String[] week : weeks) {
            assertThat(jdbc.queryForObject(findingsOfWeek, String.class, team, week[0]))
                    .as(week[0])
                    .isEqualTo(jdbc.queryForObject(findingsOfWeek, String.class, posted, week[0]));
        }
    }

    @Test
    void theSampleFileShippedInDeployImports() throws java.io.IOException {
        Response response =
                importCsv(HttpRequest.BodyPublishers.ofFile(java.nio.file.Path.of("deploy/samples/snapshots.csv")));

        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        assertThat(response.body().get("created").asInt()
                        + response.body().get("unchanged").asInt())
                .isEqualTo(8);
    }

    @Test
    void aCsvFileWithOneBadLineInTheMiddleImportsNothingAndNamesThatLine() {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (int week = 1; week <= 6; week++) {
            String value = week == 3 ? "seventy" : "70";
            csv.append(team)
                    .append(",w")
                    .append(week)
                    .append(",2026-10-0")
                    .append(week)
                    .append("T09:00:00Z,6,engagement,")
                    .append(value)
                    .append('\n');
        }
        int before = storedRows();

        Response response = importCsv(csv.toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors")).hasSize(1);
        assertThat(response.body().at("/errors/0/line").asInt()).isEqualTo(4);
        assertThat(response.body().at("/errors/0/reason").asText()).contains("'seventy' is not a number");
        assertThat(response.body().get("created").asInt()).isZero();
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void everyBadLineIsListed() {
        String csv = CSV_HEADER
                + "nosuchteam,a,2026-10-05T09:00:00Z,6,engagement,50\n"
                + team + ",b,yesterday,6,engagement,50\n"
                + team + ",c,2026-10-05T09:00:00Z,6,engagement,500\n"
                + team + ",d,2026-10-05T09:00:00Z,6,happiness,50\n"
                + team + ",e,2026-10-05T09:00:00Z,6,engagement\n";

        JsonNode errors = importCsv(csv).body().get("errors");

        assertThat(errors.findValuesAsText("line")).containsExactly("2", "3", "4", "5", "6");
        assertThat(errors.findValuesAsText("reason"))
                .satisfiesExactly(
                        r -> assertThat(r).contains("unknown team 'nosuchteam'"),
                        r -> assertThat(r).contains("measuredAt"),
                        r -> assertThat(r).contains("outside the scale"),
                        r -> assertThat(r).contains("unknown metric 'happiness'"),
                        r -> assertThat(r).contains("expected 6 values"));
    }
}
