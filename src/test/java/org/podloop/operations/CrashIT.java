package org.podloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podloop.loop.ProcessIds;
import org.podloop.support.PodloopClient;
import org.podloop.support.PodloopNode;
import org.podloop.support.PostgresTestDatabase;

/**
 * One real node SIGKILLed while loops are mid-flight — some at a user task with a reminder timer
 * pending, one waiting for its re-measurement — while snapshots are being posted and while a pod answers
 * a pulse round. After a restart on the same database every loop goes on, every acknowledged snapshot is
 * there, no acknowledged pulse answer is lost and none is counted twice, and the audit chain verifies.
 */
@ExtendWith(PostgresTestDatabase.class)
class CrashIT {

    private static final String ADMIN = PodloopNode.ADMIN + ":" + PodloopNode.ADMIN_PASSWORD;
    private static final String POD_MEMBER = "pia";
    private static final int AT_USER_TASK = 3;
    private static final String PULSE_TEAM = "pulsing";
    private static final int PULSE_MEMBERS = 30;
    private static final int ANSWERING_THREADS = 6;
    /** The node dies once this many answers are acknowledged: mid-round, with answers still in flight. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 8;

    private static final String SAFETY = "psychological_safety";
    /** rules/metrics.yaml: psychological_safety has 7 items on a 1–7 scale, items 1, 3 and 5 reverse-scored. */
    private static final int SCALE_MIN = 1;

    private static final int SCALE_MAX = 7;
    private static final Set<Integer> REVERSE_SCORED = Set.of(1, 3, 5);
    private static final int ITEMS = 7;
    private static final List<String> SETTINGS = List.of(
            "--podloop.loop.choose-reminder-after=PT40S",
            "--camunda.bpm.job-execution.lock-time-in-millis=10000",
            "--camunda.bpm.job-execution.max-wait=2000");

    @Test
    void afterASigkillAndARestartEveryLoopContinuesNothingAcknowledgedIsLostAndTheChainVerifies() throws Exception {
        PostgresTestDatabase.inFreshDatabase("podloop_crash", this::crashAndRestartOn);
    }

    private void crashAndRestartOn(PostgresTestDatabase.Server db) throws Exception {
        List<String> waitingAtChoose = new ArrayList<>();
        String awaitingRemeasurement;
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        // per member sent before the kill: 201 (acknowledged), another status, or -1 (no answer: the connection died)
        Map<String, Integer> pulseSent = new ConcurrentHashMap<>();
        Set<String> pulseAcknowledged = ConcurrentHashMap.newKeySet();
        String round;
        try (PodloopNode node = PodloopNode.start("crash-1", db, SETTINGS).awaitReady(Duration.ofMinutes(3))) {
            PodloopClient api = node.client();
            createUser(api, POD_MEMBER, "Pia");
            // a round open before the loops, so that the setup does not eat into their reminder timers
            String openRound = openPulseRound(api);
            round = openRound;
            for (int i = 0; i < AT_USER_TASK; i++) {
                waitingAtChoose.add(openLoop(api, "crash" + i));
            }
            awaitingRemeasurement = openLoop(api, "remeasure");
            work(
                    api,
                    "remeasure",
                    awaitingRemeasurement,
                    ProcessIds.TASK_CHOOSE_INTERVENTION,
                    Map.of("interventionId", "speak-up-round"));
            work(
                    api,
                    "remeasure",
                    awaitingRemeasurement,
                    ProcessIds.TASK_RUN_INTERVENTION,
                    Map.of("outcomeNotes", "done"));

            // snapshots keep arriving while the node dies
            api.post(ADMIN, "/api/teams", Map.of("key", "steady", "name", "Steady", "members", List.of()));
            AtomicBoolean posting = new AtomicBoolean(true);
            Thread poster = new Thread(() -> {
                for (int i = 0; posting.get(); i++) {
                    String id = "steady-" + i;
                    try {
                        if (api.post(
                                                ADMIN,
                                                "/api/teams/steady/snapshots",
                                                Map.of(
                                                        "externalId",
                                                        id,
                                                        "measuredAt",
                                                        Instant.now().toString(),
                                                        "respondents",
                                                        6,
                                                        "signals",
                                                        Map.of("engagement", 70.0)))
                                        .status()
                                == 200) {
                            acknowledged.add(id);
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
            poster.start();
            PodloopNode.sleep(Duration.ofSeconds(2));

            // members answer the pulse while snapshots still arrive, and the node dies mid-round
            ConcurrentLinkedQueue<Integer> toAnswer = new ConcurrentLinkedQueue<>(
                    IntStream.range(0, PULSE_MEMBERS).boxed().toList());
            AtomicBoolean answering = new AtomicBoolean(true);
            List<Thread> answerers = new ArrayList<>();
            for (int t = 0; t < ANSWERING_THREADS; t++) {
                Thread answerer = new Thread(() -> {
                    Integer member;
                    while (answering.get() && (member = toAnswer.poll()) != null) {
                        String user = pulseMember(member);
                        pulseSent.put(user, -1);
                        try {
                            int status = answer(api, openRound, member).status();
                            pulseSent.put(user, status);
                            if (status == 201) {
                                pulseAcknowledged.add(user);
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                        PodloopNode.sleep(Duration.ofMillis(50));
                    }
                });
                answerers.add(answerer);
                answerer.start();
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (pulseAcknowledged.size() < ACKNOWLEDGED_BEFORE_KILL
                    && Instant.now().isBefore(deadline)) {
                PodloopNode.sleep(Duration.ofMillis(5));
            }
            PodloopNode.sleep(Duration.ofMillis(20));
            node.kill();
            answering.set(false);
            posting.set(false);
            poster.join();
            for (Thread answerer : answerers) {
                answerer.join();
            }
        }
        try (Connection sql = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            assertThat(ClusterIT.reminders(sql))
                    .as("no reminder was due before the kill")
                    .isEmpty();
        }

        try (PodloopNode restarted = PodloopNode.start("crash-2", db, SETTINGS).awaitReady(Duration.ofMinutes(3));
                Connection sql = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            PodloopClient api = restarted.client();
            // the pending timers fire after the restart, once each
            ClusterIT.awaitReminders(sql, AT_USER_TASK, Duration.ofMinutes(2));
            assertThat(ClusterIT.reminders(sql).values()).hasSize(AT_USER_TASK).allMatch(n -> n == 1);
            // the user tasks are still there to be worked
            for (int i = 0; i < AT_USER_TASK; i++) {
                work(
                        api,
                        "crash" + i,
                        waitingAtChoose.get(i),
                        ProcessIds.TASK_CHOOSE_INTERVENTION,
                        Map.of("interventionId", "speak-up-round"));
                assertThat(api.loopTask(
                                POD_MEMBER, "pod-crash" + i, waitingAtChoose.get(i), ProcessIds.TASK_RUN_INTERVENTION))
                        .isNotNull();
            }
            // the re-measurement is correlated to the loop that waited for it
            PodloopClient.Response remeasured = api.post(
                    ADMIN,
                    "/api/teams/remeasure/snapshots",
                    Map.of(
                            "externalId",
                            "remeasure",
                            "measuredAt",
                            Instant.now().toString(),
                            "respondents",
                            6,
                            "signals",
                            Map.of("psychological_safety", 66.0)));
            assertThat(remeasured.status()).isEqualTo(200);
            assertThat(remeasured.body().at("/loop/id").asText()).isEqualTo(awaitingRemeasurement);
            JsonNode loop =
                    api.get(ADMIN, "/api/loops/" + awaitingRemeasurement).body();
            assertThat(loop.at("/iterations/0/verification/outcome").asText()).isEqualTo("REDUCED");

            List<String> stored = api.get(ADMIN, "/api/teams/steady/snapshots?size=500")
                    .body()
                    .get("items")
                    .findValuesAsText("externalId");
            long lost = acknowledged.stream().filter(id -> !stored.contains(id)).count();
            JsonNode chain = api.get(ADMIN, "/api/audit/verify").body();
            System.out.printf(
                    "crash: loops=%d (at a user task %d, awaiting re-measurement 1) timers fired after restart=%d"
                            + " snapshots acknowledged before the kill=%d lost=%d audit chain intact=%s (%d entries)%n",
                    AT_USER_TASK + 1,
                    AT_USER_TASK,
                    ClusterIT.reminders(sql).size(),
                    acknowledged.size(),
                    lost,
                    chain.get("intact").asBoolean(),
                    chain.get("entries").asLong());
            assertThat(acknowledged).isNotEmpty();
            assertThat(lost).isZero();
            assertThat(chain.get("intact").asBoolean()).as(chain.toString()).isTrue();

            pulseCountsEveryAcknowledgedAnswerOnce(api, sql, round, pulseSent, pulseAcknowledged);
        }
    }

    /**
     * After the restart: what the round holds is exactly the answers whose participation row committed —
     * every acknowledged one among them — each once; every member's retry is refused for exactly those,
     * and taken for the others; the closed round counts each member once.
     */
    private static void pulseCountsEveryAcknowledgedAnswerOnce(
            PodloopClient api, Connection sql, String round, Map<String, Integer> sent, Set<String> acknowledged)
            throws Exception {
        assertThat(sent.values())
                .as("before the kill every answer was taken (201) or died with the connection (-1)")
                .allMatch(status -> status == 201 || status == -1);
        Set<String> committed = participants(sql, round);
        long[] totals = safetyTotals(sql, round);
        assertThat(committed).as("every acknowledged answer is recorded").containsAll(acknowledged);
        assertThat(sent.keySet()).as("nothing recorded that was not sent").containsAll(committed);
        assertThat(totals[0]).as("respondents = participation").isEqualTo(committed.size());
        assertThat(totals[1]).as("score sum of exactly the recorded members").isEqualTo(expectedSum(committed, 1));
        assertThat(totals[2]).as("sum of squares of exactly those").isEqualTo(expectedSum(committed, 2));
        assertThat(api.get(ADMIN, "/api/pulses/" + round).body().get("answered").asInt())
                .isEqualTo(committed.size());
        Set<String> unacknowledged = new HashSet<>(sent.keySet());
        unacknowledged.removeAll(acknowledged);
        Set<String> unacknowledgedButCommitted = new HashSet<>(unacknowledged);
        unacknowledgedButCommitted.retainAll(committed);

        // every member sends (again); the recorded ones are refused, the others taken
        int refused = 0;
        int taken = 0;
        for (int member = 0; member < PULSE_MEMBERS; member++) {
            String user = pulseMember(member);
            PodloopClient.Response retry = answer(api, round, member);
            if (committed.contains(user)) {
                assertThat(retry.status())
                        .as(user + " answered before the kill")
                        .isEqualTo(409);
                assertThat(retry.body().get("detail").asText()).contains("answered", "already");
                refused++;
            } else {
                assertThat(retry.status()).as(user + ": " + retry.body()).isEqualTo(201);
                taken++;
            }
        }
        assertThat(refused).isEqualTo(committed.size());

        // the last answer completes the round; its closing is a job
        JsonNode closed = awaitClosed(api, round, Duration.ofMinutes(2));
        Set<String> everyone = new HashSet<>(
                IntStream.range(0, PULSE_MEMBERS).mapToObj(CrashIT::pulseMember).toList());
        long[] finalTotals = safetyTotals(sql, round);
        assertThat(participants(sql, round)).isEqualTo(everyone);
        assertThat(finalTotals[0]).isEqualTo(PULSE_MEMBERS);
        assertThat(finalTotals[1]).isEqualTo(expectedSum(everyone, 1));
        assertThat(finalTotals[2]).isEqualTo(expectedSum(everyone, 2));
        assertThat(closed.get("answered").asInt()).isEqualTo(PULSE_MEMBERS);
        JsonNode safety = closed.at("/aggregates/" + SAFETY);
        assertThat(safety.get("respondents").asInt()).isEqualTo(PULSE_MEMBERS);
        double expectedMean = Math.round((double) expectedSum(everyone, 1)
                        / PULSE_MEMBERS
                        * (100.0 / (ITEMS * (SCALE_MAX - SCALE_MIN)))
                        * 100)
                / 100.0;
        assertThat(safety.get("mean").asDouble()).isEqualTo(expectedMean);
        System.out.printf(
                "crash pulse: members=%d answers sent before the kill=%d (not sent=%d) acknowledged=%d unacknowledged=%d"
                        + " (of which committed before the kill=%d) recorded after the restart=%d"
                        + " retried after the restart=%d (refused as answered=%d, taken=%d) respondents=%d%n",
                PULSE_MEMBERS,
                sent.size(),
                PULSE_MEMBERS - sent.size(),
                acknowledged.size(),
                unacknowledged.size(),
                unacknowledgedButCommitted.size(),
                committed.size(),
                PULSE_MEMBERS,
                refused,
                taken,
                safety.get("respondents").asInt());
    }

    private static String openPulseRound(PodloopClient api) {
        List<String> members =
                IntStream.range(0, PULSE_MEMBERS).mapToObj(CrashIT::pulseMember).toList();
        members.forEach(user -> createUser(api, user, "Member"));
        assertThat(api.post(ADMIN, "/api/teams", Map.of("key", PULSE_TEAM, "name", "Pulsing", "members", members))
                        .status())
                .isEqualTo(201);
        PodloopClient.Response opened =
                api.post(ADMIN, "/api/teams/" + PULSE_TEAM + "/pulses", Map.of("metrics", List.of(SAFETY)));
        assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(201);
        assertThat(opened.body().get("invited").asInt()).isEqualTo(PULSE_MEMBERS);
        return opened.body().get("id").asText();
    }

    private static String pulseMember(int member) {
        return "pulse" + member;
    }

    private static PodloopClient.Response answer(PodloopClient api, String round, int member) {
        return api.post(
                pulseMember(member),
                "/api/pulses/" + round + "/answers",
                Map.of("answers", Map.of(SAFETY, answers(member))));
    }

    /** Each member's own answers: the base-7 digits of a number no other member has. */
    private static List<Integer> answers(int member) {
        List<Integer> answers = new ArrayList<>();
        int digits = member * 7919 + 12345;
        for (int item = 0; item < ITEMS; item++) {
            answers.add(SCALE_MIN + digits % 7);
            digits /= 7;
        }
        return answers;
    }

    /** A member's score in points, as SurveyScoring counts it: reverse items flipped, less the scale minimum. */
    private static long points(int member) {
        List<Integer> answers = answers(member);
        long points = 0;
        for (int item = 1; item <= ITEMS; item++) {
            int answer = answers.get(item - 1);
            points += (REVERSE_SCORED.contains(item) ? SCALE_MIN + SCALE_MAX - answer : answer) - SCALE_MIN;
        }
        return points;
    }

    /** Σ points (power 1) or Σ points² (power 2) of the members given. */
    private static long expectedSum(Set<String> users, int power) {
        return IntStream.range(0, PULSE_MEMBERS)
                .filter(member -> users.contains(pulseMember(member)))
                .mapToLong(member -> power == 1 ? points(member) : points(member) * points(member))
                .sum();
    }

    private static Set<String> participants(Connection sql, String round) throws Exception {
        Set<String> users = new HashSet<>();
        try (var query = sql.prepareStatement("select user_id from pulse_participation where round_id = ?")) {
            query.setObject(1, UUID.fromString(round));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    users.add(rows.getString(1));
                }
            }
        }
        return users;
    }

    /** The round's psychological safety totals: respondents, score sum, sum of squares. */
    private static long[] safetyTotals(Connection sql, String round) throws Exception {
        try (var query = sql.prepareStatement("select respondents, score_sum, score_squares from pulse_aggregates"
                + " where round_id = ? and metric = ?")) {
            query.setObject(1, UUID.fromString(round));
            query.setString(2, SAFETY);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)};
            }
        }
    }

    private static JsonNode awaitClosed(PodloopClient api, String round, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            JsonNode status = api.get(ADMIN, "/api/pulses/" + round).body();
            if ("CLOSED".equals(status.get("state").asText())) {
                return status;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("round " + round + " not closed within " + within + ": " + status);
            }
            PodloopNode.sleep(Duration.ofMillis(500));
        }
    }

    private static void createUser(PodloopClient api, String id, String firstName) {
        assertThat(api.createUser(ADMIN, id, firstName, PodloopClient.PASSWORD).status())
                .isEqualTo(204);
    }

    private static String openLoop(PodloopClient api, String team) {
        assertThat(api.post(
                                ADMIN,
                                "/api/teams",
                                Map.of("key", team, "name", "Team " + team, "members", List.of(POD_MEMBER)))
                        .status())
                .isEqualTo(201);
        PodloopClient.Response opened = api.openLoop(ADMIN, team);
        assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(200);
        return opened.body().at("/loop/id").asText();
    }

    private static void work(
            PodloopClient api, String team, String loopId, String taskKey, Map<String, Object> variables) {
        JsonNode task = api.loopTask(POD_MEMBER, "pod-" + team, loopId, taskKey);
        assertThat(api.complete(POD_MEMBER, task.get("id").asText(), variables).status())
                .isEqualTo(204);
    }
}
