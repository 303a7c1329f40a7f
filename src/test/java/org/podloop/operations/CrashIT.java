package org.podloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podloop.loop.ProcessIds;
import org.podloop.support.PodloopClient;
import org.podloop.support.PodloopNode;
import org.podloop.support.PostgresTestDatabase;

/**
 * One real node SIGKILLed while loops are mid-flight — some at a user task with a reminder timer
 * pending, one waiting for its re-measurement — and while snapshots are being posted. After a restart
 * on the same database every loop goes on, every acknowledged snapshot is there, and the audit chain
 * verifies.
 */
@ExtendWith(PostgresTestDatabase.class)
class CrashIT {

    private static final String ADMIN = PodloopNode.ADMIN + ":" + PodloopNode.ADMIN_PASSWORD;
    private static final String POD_MEMBER = "pia";
    private static final int AT_USER_TASK = 3;
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
        try (PodloopNode node = PodloopNode.start("crash-1", db, SETTINGS).awaitReady(Duration.ofMinutes(3))) {
            PodloopClient api = node.client();
            assertThat(api.post(
                                    ADMIN,
                                    "/engine-rest/user/create",
                                    Map.of(
                                            "profile",
                                            Map.of(
                                                    "id",
                                                    POD_MEMBER,
                                                    "firstName",
                                                    "Pia",
                                                    "lastName",
                                                    "Pod",
                                                    "email",
                                                    "pia@podloop.invalid"),
                                            "credentials",
                                            Map.of("password", PodloopClient.PASSWORD)))
                            .status())
                    .isEqualTo(204);
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
            node.kill();
            posting.set(false);
            poster.join();
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
        }
    }

    private static String openLoop(PodloopClient api, String team) {
        assertThat(api.post(
                                ADMIN,
                                "/api/teams",
                                Map.of("key", team, "name", "Team " + team, "members", List.of(POD_MEMBER)))
                        .status())
                .isEqualTo(201);
        PodloopClient.Response opened = api.post(
                ADMIN,
                "/api/teams/" + team + "/snapshots",
                Map.of(
                        "externalId",
                        "baseline",
                        "measuredAt",
                        Instant.now().toString(),
                        "respondents",
                        6,
                        "signals",
                        Map.of("psychological_safety", 38.0)));
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
