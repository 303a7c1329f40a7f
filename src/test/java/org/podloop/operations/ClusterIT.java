package org.podloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podloop.support.PodloopClient;
import org.podloop.support.PodloopNode;
import org.podloop.support.PostgresTestDatabase;

/**
 * Two real Podloop nodes on one PostgreSQL database, as a cluster runs: a batch of loops whose choose
 * reminders come due while both nodes run; one node is SIGKILLed part-way; the other finishes the
 * work. Every reminder's effect must be in the audit trail exactly once.
 */
@ExtendWith(PostgresTestDatabase.class)
class ClusterIT {

    private static final int LOOPS = 40;
    /** The settings that make a cluster test of minutes out of timers of days; see README "Deploy" for production. */
    static final List<String> FAST_TIMERS = List.of(
            "--podloop.loop.choose-reminder-after=PT20S",
            // a job locked by a killed node is taken over after 10 s instead of 1 min
            "--camunda.bpm.job-execution.lock-time-in-millis=10000",
            // idle acquisition polls at least every 2 s (production: up to 60 s)
            "--camunda.bpm.job-execution.max-wait=2000");

    @Test
    void twoNodesFireEveryReminderExactlyOnceAndOneSurvivesTheOthersSigkill() throws Exception {
        PostgresTestDatabase.inFreshDatabase("podloop_cluster", this::runTheClusterOn);
    }

    private void runTheClusterOn(PostgresTestDatabase.Server db) throws Exception {
        // the first start migrates the schema; the second node joins an existing one, as in a rolling start
        try (PodloopNode a = PodloopNode.start("node-a", db, FAST_TIMERS).awaitReady(Duration.ofMinutes(3));
                PodloopNode b = PodloopNode.start("node-b", db, FAST_TIMERS).awaitReady(Duration.ofMinutes(3))) {
            List<PodloopClient> nodes = List.of(a.client(), b.client());
            List<String> loops = new ArrayList<>();
            for (int i = 0; i < LOOPS; i++) {
                PodloopClient node = nodes.get(i % 2);
                String team = "cluster" + i;
                assertThat(node.post(
                                        PodloopNode.ADMIN + ":" + PodloopNode.ADMIN_PASSWORD,
                                        "/api/teams",
                                        Map.of("key", team, "name", "Cluster " + i, "members", List.of()))
                                .status())
                        .isEqualTo(201);
                PodloopClient.Response opened = node.post(
                        PodloopNode.ADMIN + ":" + PodloopNode.ADMIN_PASSWORD,
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
                loops.add(opened.body().at("/loop/id").asText());
            }

            try (Connection sql = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                awaitReminders(sql, LOOPS / 4, Duration.ofMinutes(2));
                int beforeKill = reminders(sql).values().stream()
                        .mapToInt(Integer::intValue)
                        .sum();
                b.kill();
                awaitReminders(sql, LOOPS, Duration.ofMinutes(3));

                Map<String, Integer> perLoop = reminders(sql);
                long duplicates = perLoop.values().stream().filter(n -> n > 1).count();
                long lost = loops.stream()
                        .filter(loop -> !perLoop.containsKey(loop))
                        .count();
                Map<String, Integer> perNode = remindersPerNode(sql);
                System.out.printf(
                        "cluster: loops=%d timers fired=%d (before the SIGKILL of node-b: %d; by node: %s) duplicates=%d lost=%d%n",
                        loops.size(),
                        perLoop.values().stream().mapToInt(Integer::intValue).sum(),
                        beforeKill,
                        perNode,
                        duplicates,
                        lost);
                assertThat(beforeKill).as("node-b was killed part-way").isBetween(1, LOOPS - 1);
                assertThat(duplicates).isZero();
                assertThat(lost).isZero();
                assertThat(perLoop).hasSize(LOOPS);
                assertThat(a.client()
                                .get(PodloopNode.ADMIN + ":" + PodloopNode.ADMIN_PASSWORD, "/api/audit/verify")
                                .body()
                                .get("intact")
                                .asBoolean())
                        .isTrue();
            }
            assertThat(a.stop(Duration.ofMinutes(2))).as("exit on SIGTERM").isIn(0, 143);
            assertThat(a.log())
                    .as("Tomcat finished its requests before the context closed")
                    .contains("Graceful shutdown complete");
        }
    }

    /** Reminder entries in the audit trail per loop. */
    static Map<String, Integer> reminders(Connection sql) throws SQLException {
        Map<String, Integer> perLoop = new LinkedHashMap<>();
        try (var rows = sql.createStatement()
                .executeQuery(
                        "select loop_id, count(*) from audit_entries where kind = 'REMINDER_SENT' group by loop_id")) {
            while (rows.next()) {
                perLoop.put(rows.getString(1), rows.getInt(2));
            }
        }
        return perLoop;
    }

    /** Which node executed the reminder timers, from Camunda's job log. */
    private static Map<String, Integer> remindersPerNode(Connection sql) throws SQLException {
        Map<String, Integer> perNode = new LinkedHashMap<>();
        try (var rows = sql.createStatement()
                .executeQuery("select hostname_, count(*) from act_hi_job_log where"
                        + " act_id_ = 'Event_ChooseReminder' and job_state_ = 2 group by hostname_")) {
            while (rows.next()) {
                perNode.put(rows.getString(1), rows.getInt(2));
            }
        }
        return perNode;
    }

    static void awaitReminders(Connection sql, int atLeast, Duration within) throws SQLException {
        Instant deadline = Instant.now().plus(within);
        while (reminders(sql).size() < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "only " + reminders(sql).size() + " of " + atLeast + " reminders within " + within);
            }
            PodloopNode.sleep(Duration.ofMillis(500));
        }
    }
}
