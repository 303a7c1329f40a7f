package org.podloop.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.podloop.identity.Directory;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/** The pulse API over HTTP: who may open and answer, every refusal storing nothing, and answers that race. */
class PulseApiTest extends ApiTest {

    private static final String SAFETY = "psychological_safety";
    private static final List<Integer> SAFE = List.of(1, 7, 1, 7, 1, 7, 7);

    @Autowired
    private Directory directory;

    @Autowired
    private ProcessEngine engine;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula", "pete"};
    }

    @Test
    void membersSeeHowManyAnsweredAndNeverAValueWhileTheRoundIsOpen() {
        Response opened = client.post("paula", "/api/teams/" + team + "/pulses", Map.of("metrics", List.of(SAFETY)));
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.body().at("/invited").asInt()).isEqualTo(2);
        assertThat(opened.body().at("/state").asText()).isEqualTo("OPEN");
        String round = opened.body().at("/id").asText();

        assertThat(answer("pete", round, Map.of(SAFETY, SAFE)).status()).isEqualTo(201);

        JsonNode mine = mine("paula", round);
        assertThat(mine.at("/progress").asText()).isEqualTo("1 of 2 answered");
        assertThat(mine.at("/answeredByMe").asBoolean()).isFalse();
        assertThat(mine(("pete"), round).at("/answeredByMe").asBoolean()).isTrue();
        for (String reader : List.of("paula", "gina", "demo")) {
            Response status = client.get(reader, "/api/pulses/" + round);
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.body().has("aggregates")).isFalse();
            assertThat(status.body().at("/answered").asInt()).isEqualTo(1);
        }
        assertThat(client.get("quinn", "/api/pulses/" + round).status()).isEqualTo(403);
    }

    @Test
    void onlyTheTeamsPodOrAnAdministratorOpensARound() {
        String path = "/api/teams/" + team + "/pulses";
        assertThat(client.post("quinn", path, Map.of()).status()).isEqualTo(403);
        assertThat(client.post("gina", path, Map.of()).status()).isEqualTo(403);
        assertThat(refusal(client.post("paula", path, Map.of("metrics", List.of("bogus"))), 400))
                .isEqualTo("metrics[0]");
        assertThat(refusal(client.post("paula", path, Map.of("metrics", List.of("rework_rate"))), 400))
                .isEqualTo("metrics[0]");
        assertThat(refusal(client.post("paula", path, Map.of("closesAt", "2020-01-01T00:00:00Z")), 400))
                .isEqualTo("closesAt");
        assertThat(jdbc.queryForObject("select count(*) from pulse_rounds where team_key = ?", Integer.class, team))
                .isZero();

        Response opened = client.post("demo", path, Map.of());
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.body().at("/metrics").size()).isEqualTo(4);
        assertThat(client.post("paula", path, Map.of()).status()).isEqualTo(409);
        // a closesAt of its own
        assertThat(client.post("paula", "/api/teams/nosuchteam/pulses", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(client.post("demo", "/api/teams/nosuchteam/pulses", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void everyRefusedAnswerStoresNothing() {
        String round = client.post(
                        "paula",
                        "/api/teams/" + team + "/pulses",
                        Map.of(
                                "metrics",
                                List.of(SAFETY),
                                "closesAt",
                                Instant.now().plusSeconds(7200).toString()))
                .body()
                .at("/id")
                .asText();

        assertThat(answer("quinn", round, Map.of(SAFETY, SAFE)).status()).isEqualTo(403);
        assertThat(refusal(answer("paula", round, Map.of(SAFETY, List.of(1, 7, 1, 9, 1, 7, 7))), 400))
                .isEqualTo("answers.psychological_safety[3]");
        assertThat(refusal(answer("paula", round, Map.of(SAFETY, List.of(1, 7, 1, 0, 1, 7, 7))), 400))
                .isEqualTo("answers.psychological_safety[3]");
        assertThat(refusal(answer("paula", round, Map.of(SAFETY, List.of(1, 7, 1, 7, 1, 7))), 400))
                .isEqualTo("answers.psychological_safety");
        assertThat(refusal(answer("paula", round, Map.of("bogus", SAFE)), 400)).isEqualTo("answers.bogus");
        assertThat(refusal(answer("paula", round, Map.of("engagement", List.of(1, 2, 3, 4))), 400))
                .isEqualTo("answers.engagement");
        assertThat(refusal(answer("paula", round, Map.of()), 400)).isEqualTo("answers");
        Response fraction = client.post(
                "paula",
                "/api/pulses/" + round + "/answers",
                "{\"answers\":{\"psychological_safety\":[1,7,1,7.5,1,7,7]}}");
        assertThat(refusal(fraction, 400)).startsWith("answers.psychological_safety[3]");
        assertThat(stored(round)).isEqualTo("0 answered; " + SAFETY + "=0/0/0");

        assertThat(answer("paula", round, Map.of(SAFETY, SAFE)).status()).isEqualTo(201);
        assertThat(stored(round)).isEqualTo("1 answered; " + SAFETY + "=1/42/1764");
        assertThat(answer("paula", round, Map.of(SAFETY, List.of(4, 4, 4, 4, 4, 4, 4)))
                        .status())
                .isEqualTo(409);
        assertThat(stored(round)).isEqualTo("1 answered; " + SAFETY + "=1/42/1764");

        closeNow(round);
        assertThat(answer("pete", round, Map.of(SAFETY, SAFE)).status()).isEqualTo(409);
        assertThat(stored(round)).isEqualTo("1 answered; " + SAFETY + "=1/42/1764");
        // one respondent is below the privacy minimum: closed, and the metric suppressed
        JsonNode closed = client.get("paula", "/api/pulses/" + round).body();
        assertThat(closed.at("/state").asText()).isEqualTo("CLOSED");
        assertThat(closed.at("/aggregates/psychological_safety/suppressed").asBoolean())
                .isTrue();
        assertThat(closed.at("/aggregates/psychological_safety").has("mean")).isFalse();
    }

    @Test
    void twentyMembersAnsweringAtOnceGiveExactAggregates() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        List<String> twenty = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> "c" + i + "-" + suffix)
                .toList();
        twenty.forEach(user -> directory.ensureUser(user, "Crowd", user, "demo"));
        String crowd = "c" + suffix;
        assertThat(client.createTeam(crowd, twenty.toArray(String[]::new)).status())
                .isEqualTo(201);
        String round = client.post("demo", "/api/teams/" + crowd + "/pulses", Map.of("metrics", List.of(SAFETY)))
                .body()
                .at("/id")
                .asText();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> statuses = new ArrayList<>();
        long expectedSum = 0;
        long expectedSquares = 0;
        for (int i = 0; i < 20; i++) {
            // respondent i agrees with i % 7 + 1 on every item: points differ by reverse scoring
            int value = i % 7 + 1;
            List<Integer> answers = List.of(value, value, value, value, value, value, value);
            long points = 3 * (7 - value) + 4 * (value - 1);
            expectedSum += points;
            expectedSquares += points * points;
            String member = twenty.get(i);
            statuses.add(pool.submit(() -> {
                start.await();
                return answer(member, round, Map.of(SAFETY, answers)).status();
            }));
        }
        start.countDown();
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(201);
        }
        pool.shutdown();

        assertThat(stored(round)).isEqualTo("20 answered; " + SAFETY + "=20/" + expectedSum + "/" + expectedSquares);
        assertThat(client.get("demo", "/api/pulses/" + round)
                        .body()
                        .at("/progress")
                        .asText())
                .isEqualTo("20 of 20 answered");
        runJobs(round);
        JsonNode closed = client.get("demo", "/api/pulses/" + round).body();
        assertThat(closed.at("/state").asText()).isEqualTo("CLOSED");
        assertThat(closed.at("/aggregates/psychological_safety/respondents").asInt())
                .isEqualTo(20);
        assertThat(closed.at("/aggregates/psychological_safety/mean").asDouble())
                .isEqualTo(Math.round(expectedSum / 20.0 / 42 * 100 * 100) / 100.0);
    }

    @Test
    void aClientCannotHandInTotals() {
        Response posted = client.post(
                "demo",
                "/api/teams/" + team + "/snapshots",
                Map.of(
                        "externalId",
                        "totals",
                        "measuredAt",
                        Instant.now().toString(),
                        "respondents",
                        5,
                        "signals",
                        Map.of("engagement", 60.0),
                        "surveyTotals",
                        Map.of(SAFETY, Map.of("respondents", 5, "sum", 200, "sumOfSquares", 8000, "maxPoints", 42))));
        // otherwise a valid snapshot: refused for the totals, not stored without them
        assertThat(refusal(posted, 400)).isEqualTo("surveyTotals");
        assertThat(jdbc.queryForObject("select count(*) from snapshots where team_key = ?", Integer.class, team))
                .as("snapshots stored from handed-in totals")
                .isZero();
    }

    private Response answer(String user, String round, Map<String, List<Integer>> answers) {
        return client.post(user, "/api/pulses/" + round + "/answers", Map.of("answers", answers));
    }

    private JsonNode mine(String user, String round) {
        Response mine = client.get(user, "/api/pulses/mine");
        assertThat(mine.status()).isEqualTo(200);
        for (JsonNode entry : mine.body()) {
            assertThat(entry.has("aggregates")).isFalse();
            if (entry.at("/id").asText().equals(round)) {
                return entry;
            }
        }
        throw new AssertionError(user + " does not see round " + round + ": " + mine.body());
    }

    /** The field a 400 names (and that it is one). */
    private static String refusal(Response response, int status) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        return response.body().at("/field").asText();
    }

    private String stored(String round) {
        UUID id = UUID.fromString(round);
        Integer answered =
                jdbc.queryForObject("select count(*) from pulse_participation where round_id = ?", Integer.class, id);
        List<String> totals = jdbc.query(
                "select metric, respondents, score_sum, score_squares from pulse_aggregates where round_id = ?"
                        + " order by metric",
                (rs, row) -> rs.getString(1) + "=" + rs.getInt(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4),
                id);
        return answered + " answered; " + String.join(", ", totals);
    }

    private void runJobs(String round) {
        PulseJobs.runDue(engine, UUID.fromString(round));
    }

    /** The deadline passes: the round's timer is due now. */
    private void closeNow(String round) {
        PulseJobs.passTheDeadline(engine, UUID.fromString(round));
    }
}
