package org.podloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.podloop.common.DatabaseOutage;
import org.podloop.support.OwnPostgresCluster;
import org.podloop.support.PodloopClient;
import org.podloop.support.PodloopNode;
import org.podloop.support.PostgresTestDatabase;

/**
 * PostgreSQL restarts under load: four clients post snapshots and complete tasks on one node while the
 * test stops its own PostgreSQL cluster for some seconds and starts it again. Requests during the outage
 * answer 503 problem JSON within the pool's connection timeout (never 500, never a hang), readiness says
 * DOWN, the node recovers without a restart, and every request answered 2xx — before, during or after —
 * is stored exactly once. Clients send a refused request again, as the answer's Retry-After asks.
 */
class DatabaseOutageIT {

    private static final String ADMIN = PodloopNode.ADMIN + ":" + PodloopNode.ADMIN_PASSWORD;
    private static final int SNAPSHOT_CLIENTS = 2;
    private static final int TASK_CLIENTS = 2;
    private static final int LOOPS = 30;
    private static final Duration BEFORE = Duration.ofSeconds(6);
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration AFTER = Duration.ofSeconds(15);
    /** The pool waits 5 s for a connection (application-postgres.yaml); a request may need two in a row. */
    private static final Duration LONGEST_ANSWER = Duration.ofSeconds(12);

    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicLong longestMillis = new AtomicLong();
    private final Set<String> acknowledgedSnapshots = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledgedCompletions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger completionsSent = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();

    @Test
    void requestsDuringARestartAnswer503AndEverythingAcknowledgedIsStoredExactlyOnce() throws Exception {
        String why = OwnPostgresCluster.unavailableBecause();
        Assumptions.assumeTrue(why == null, why);
        try (OwnPostgresCluster cluster = OwnPostgresCluster.create(
                "podloop_outage_" + ProcessHandle.current().pid())) {
            PostgresTestDatabase.Server db = cluster.server().freshDatabase("podloop_outage");
            try (PodloopNode node = PodloopNode.start("outage", db, List.of()).awaitReady(Duration.ofMinutes(3))) {
                PodloopClient api = node.client();
                List<String> loops = setUp(api);

                ExecutorService clients = Executors.newFixedThreadPool(SNAPSHOT_CLIENTS + TASK_CLIENTS);
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < SNAPSHOT_CLIENTS; c++) {
                    int client = c;
                    running.add(clients.submit(() -> postSnapshots(api, client)));
                }
                for (int c = 0; c < TASK_CLIENTS; c++) {
                    int client = c;
                    running.add(clients.submit(() -> completeTasks(api, loops, client)));
                }
                PodloopNode.sleep(BEFORE);
                int acknowledgedBefore = acknowledgedSnapshots.size() + acknowledgedCompletions.size();
                cluster.stop();
                Instant down = Instant.now();
                List<Integer> readinessDuringOutage = new ArrayList<>();
                while (Duration.between(down, Instant.now()).compareTo(OUTAGE) < 0) {
                    readinessDuringOutage.add(readiness(node));
                    PodloopNode.sleep(Duration.ofSeconds(1));
                }
                int acknowledgedDuring = acknowledgedSnapshots.size() + acknowledgedCompletions.size();
                cluster.start();
                Instant up = Instant.now();
                PodloopNode.sleep(AFTER);
                stop.set(true);
                for (Future<?> client : running) {
                    client.get();
                }
                clients.shutdown();
                int readinessAfter = readiness(node);

                try (Connection sql = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                    Map<String, Integer> storedSnapshots = perExternalId(sql);
                    long lostSnapshots = acknowledgedSnapshots.stream()
                            .filter(id -> !storedSnapshots.containsKey(id))
                            .count();
                    long doubledSnapshots =
                            storedSnapshots.values().stream().filter(n -> n > 1).count();
                    Map<String, Integer> completed = completedChoices(sql);
                    long lostCompletions = acknowledgedCompletions.stream()
                            .filter(loop -> !completed.containsKey(loop))
                            .count();
                    long doubledCompletions =
                            completed.values().stream().filter(n -> n > 1).count();
                    System.out.printf(
                            "outage: %d s without PostgreSQL; requests sent=%d acknowledged=%d (before the outage %d,"
                                    + " during %d) refused with 503=%d other answers=%s longest answer=%d ms;"
                                    + " snapshots stored=%d lost=%d duplicated=%d; task completions sent=%d"
                                    + " acknowledged=%d stored=%d lost=%d duplicated=%d; readiness during the outage=%s,"
                                    + " after=%d; back %d s after the start%n",
                            OUTAGE.toSeconds(),
                            sent.get(),
                            acknowledgedSnapshots.size() + acknowledgedCompletions.size(),
                            acknowledgedBefore,
                            acknowledgedDuring - acknowledgedBefore,
                            refused.get(),
                            unexpected,
                            longestMillis.get(),
                            storedSnapshots.size(),
                            lostSnapshots,
                            doubledSnapshots,
                            completionsSent.get(),
                            acknowledgedCompletions.size(),
                            completed.size(),
                            lostCompletions,
                            doubledCompletions,
                            readinessDuringOutage,
                            readinessAfter,
                            Duration.between(up, Instant.now()).toSeconds());
                    assertThat(unexpected).as("no 500, no other answer").isEmpty();
                    assertThat(refused.get()).as("the outage was felt").isPositive();
                    assertThat(longestMillis.get()).isLessThanOrEqualTo(LONGEST_ANSWER.toMillis());
                    assertThat(readinessDuringOutage).contains(503);
                    assertThat(readinessAfter).isEqualTo(200);
                    assertThat(acknowledgedBefore)
                            .as("work was acknowledged before the outage")
                            .isPositive();
                    assertThat(acknowledgedSnapshots.size() + acknowledgedCompletions.size())
                            .as("the node recovered without a restart")
                            .isGreaterThan(acknowledgedDuring);
                    assertThat(lostSnapshots).isZero();
                    assertThat(doubledSnapshots).isZero();
                    assertThat(lostCompletions).isZero();
                    assertThat(doubledCompletions).isZero();
                    assertThat(api.get(ADMIN, "/api/audit/verify")
                                    .body()
                                    .get("intact")
                                    .asBoolean())
                            .isTrue();
                }
                assertThat(node.stop(Duration.ofMinutes(1)))
                        .as("exit on SIGTERM")
                        .isIn(0, 143);
            }
        }
    }

    /** Two teams for the snapshots; {@link #LOOPS} teams with an open loop each, for the task completions. */
    private static List<String> setUp(PodloopClient api) {
        for (int c = 0; c < SNAPSHOT_CLIENTS; c++) {
            team(api, "outage" + c);
        }
        List<String> loops = new ArrayList<>();
        for (int i = 0; i < LOOPS; i++) {
            team(api, "loop" + i);
            var opened = api.openLoop(ADMIN, "loop" + i);
            assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(200);
            loops.add(opened.body().at("/loop/id").asText());
        }
        return loops;
    }

    private static void team(PodloopClient api, String key) {
        assertThat(api.post(ADMIN, "/api/teams", Map.of("key", key, "name", key, "members", List.of()))
                        .status())
                .isEqualTo(201);
    }

    /** Healthy snapshots one after another; a refused one is sent again (same externalId) until acknowledged. */
    private void postSnapshots(PodloopClient api, int client) {
        for (int n = 0; !stop.get(); n++) {
            String externalId = "c" + client + "-" + n;
            while (!stop.get()) {
                PodloopClient.Response answer = timed(() -> api.post(
                        ADMIN,
                        "/api/teams/outage" + client + "/snapshots",
                        Map.of(
                                "externalId",
                                externalId,
                                "measuredAt",
                                Instant.now().toString(),
                                "respondents",
                                6,
                                "signals",
                                Map.of("psychological_safety", 80.0))));
                if (answer.status() == 200) {
                    acknowledgedSnapshots.add("outage" + client + "/" + externalId);
                    break;
                }
                refusedOrUnexpected(answer);
            }
            PodloopNode.sleep(Duration.ofMillis(100));
        }
    }

    /** Completes the choice of every other loop, about one a second; a refused completion is tried again. */
    private void completeTasks(PodloopClient api, List<String> loops, int client) {
        for (int i = client; i < loops.size() && !stop.get(); i += TASK_CLIENTS) {
            String loop = loops.get(i);
            while (!stop.get()) {
                PodloopClient.Response found = timed(() -> api.get(
                        ADMIN,
                        "/engine-rest/task?maxResults=10&taskDefinitionKey=Task_ChooseIntervention"
                                + "&processInstanceBusinessKey=" + loop));
                if (found.status() != 200) {
                    refusedOrUnexpected(found);
                    continue;
                }
                if (found.body().isEmpty()) {
                    break; // completed by an earlier try whose answer the outage swallowed
                }
                String task = found.body().get(0).get("id").asText();
                completionsSent.incrementAndGet();
                PodloopClient.Response done =
                        timed(() -> api.complete(ADMIN, task, Map.of("interventionId", "speak-up-round")));
                if (done.status() == 204) {
                    acknowledgedCompletions.add(loop);
                    break;
                }
                refusedOrUnexpected(done);
            }
            PodloopNode.sleep(Duration.ofMillis(800));
        }
    }

    private PodloopClient.Response timed(java.util.function.Supplier<PodloopClient.Response> request) {
        sent.incrementAndGet();
        long start = System.nanoTime();
        PodloopClient.Response answer = request.get();
        longestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
        return answer;
    }

    /**
     * 503 is the answer to an outage, as problem JSON on {@code /api} and as Camunda's error JSON (type,
     * message) on {@code /engine-rest}, saying whether anything may have been stored, with the {@code
     * Retry-After} the clients follow; anything else (a refusal without it too) is noted.
     */
    private void refusedOrUnexpected(PodloopClient.Response answer) {
        JsonNode body = answer.body();
        boolean problem = body != null && body.path("status").asInt() == 503;
        boolean engineError = body != null
                && body.path("type").asText().equals("ServerError")
                && List.of(DatabaseOutage.NOTHING_STORED, DatabaseOutage.MAYBE_STORED)
                        .contains(body.path("message").asText());
        boolean saysWhenToRetry =
                String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS).equals(answer.retryAfter());
        if (answer.status() == 503 && (problem || engineError) && saysWhenToRetry) {
            refused.incrementAndGet();
            PodloopNode.sleep(Duration.ofMillis(500));
        } else {
            unexpected.add(answer.status() + " " + body + " Retry-After: " + answer.retryAfter());
            PodloopNode.sleep(Duration.ofMillis(500));
        }
    }

    private static int readiness(PodloopNode node) {
        return node.client().getText(null, "/actuator/health/readiness").statusCode();
    }

    /** Stored snapshots of the clients' teams: team/externalId → how many. */
    private static Map<String, Integer> perExternalId(Connection sql) throws SQLException {
        Map<String, Integer> stored = new java.util.HashMap<>();
        try (var rows = sql.createStatement()
                .executeQuery("select team_key, external_id, count(*) from snapshots where team_key like 'outage%'"
                        + " group by team_key, external_id")) {
            while (rows.next()) {
                stored.put(rows.getString(1) + "/" + rows.getString(2), rows.getInt(3));
            }
        }
        return stored;
    }

    /** Per loop, how many of its choose tasks the engine's history has as completed. */
    private static Map<String, Integer> completedChoices(Connection sql) throws SQLException {
        Map<String, Integer> completed = new java.util.HashMap<>();
        try (var rows = sql.createStatement()
                .executeQuery("select p.business_key_, count(*) from act_hi_taskinst t join act_hi_procinst p on"
                        + " p.id_ = t.root_proc_inst_id_ where t.task_def_key_ = 'Task_ChooseIntervention'"
                        + " and t.end_time_ is not null and t.delete_reason_ = 'completed' group by p.business_key_")) {
            while (rows.next()) {
                completed.put(rows.getString(1), rows.getInt(2));
            }
        }
        return completed;
    }
}
