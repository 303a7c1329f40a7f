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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podloop.support.PodloopClient;
import org.podloop.support.PodloopNode;
import org.podloop.support.PostgresTestDatabase;

/**
 * Two real Podloop nodes on one PostgreSQL database, as a cluster runs: a batch of loops whose choose
 * reminders come due while both nodes run. Part-way, the test holds the audit chain's head, so that every
 * reminder job from then on stops inside its transaction with its job locked; the node with the most
 * transactions waiting there — the busy one — is SIGKILLed while it executes them, the head is released,
 * and the survivor must run the dead node's locked jobs once their locks expire. Every reminder's effect
 * must be in the audit trail exactly once, and the chain intact.
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
        try (PodloopNode a = PodloopNode.start("node-a", db, settings("node-a")).awaitReady(Duration.ofMinutes(3));
                PodloopNode b =
                        PodloopNode.start("node-b", db, settings("node-b")).awaitReady(Duration.ofMinutes(3))) {
            Map<String, PodloopNode> byName = Map.of("node-a", a, "node-b", b);
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
                PodloopClient.Response opened =
                        node.openLoop(PodloopNode.ADMIN + ":" + PodloopNode.ADMIN_PASSWORD, team);
                assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(200);
                loops.add(opened.body().at("/loop/id").asText());
            }

            try (Connection sql = DriverManager.getConnection(db.url(), db.user(), db.password());
                    Connection head = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                awaitReminders(sql, LOOPS / 4, Duration.ofMinutes(2));
                // hold the chain's head: reminder jobs from now on wait inside their transactions, jobs locked
                head.setAutoCommit(false);
                head.createStatement().execute("select * from audit_head for update");
                Map<String, Integer> waiting = awaitWaitingOnTheHead(sql, Duration.ofMinutes(2));
                String busy =
                        waiting.getOrDefault("node-a", 0) >= waiting.getOrDefault("node-b", 0) ? "node-a" : "node-b";
                String survivorName = busy.equals("node-a") ? "node-b" : "node-a";
                PodloopNode survivor = byName.get(survivorName);
                int beforeKill = reminders(sql).values().stream()
                        .mapToInt(Integer::intValue)
                        .sum();
                Map<String, String> lockedAtKill = lockedJobs(sql);
                byName.get(busy).kill();
                head.rollback();

                // the survivor's own waiting jobs finish at once; the dead node's keep their locks until they expire
                PodloopNode.sleep(Duration.ofSeconds(3));
                Map<String, String> stillLocked = lockedJobs(sql);
                Map<String, Long> untouchedByOwner = lockedAtKill.entrySet().stream()
                        .filter(job -> job.getValue().equals(stillLocked.get(job.getKey())))
                        .collect(Collectors.groupingBy(job -> owner(job.getValue()), Collectors.counting()));
                String deadOwner = untouchedByOwner.entrySet().stream()
                        .max(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey)
                        .orElseThrow(() -> new AssertionError("the killed node held no locked job: " + lockedAtKill));
                List<String> orphaned = lockedAtKill.entrySet().stream()
                        .filter(job -> owner(job.getValue()).equals(deadOwner))
                        .map(Map.Entry::getKey)
                        .toList();
                awaitReminders(sql, LOOPS, Duration.ofMinutes(3));

                Map<String, Integer> perLoop = reminders(sql);
                long duplicates = perLoop.values().stream().filter(n -> n > 1).count();
                long lost = loops.stream()
                        .filter(loop -> !perLoop.containsKey(loop))
                        .count();
                Map<String, Integer> perNode = remindersPerNode(sql);
                Map<String, Integer> orphansRunBy = successfulRunsByNode(sql, orphaned);
                System.out.printf(
                        "cluster: loops=%d timers fired=%d (before the SIGKILL: %d); killed the busy node %s with %d"
                                + " transactions waiting inside reminder jobs (%s) and %d jobs locked by it; those jobs"
                                + " ran after their locks expired on %s; reminders by node: %s; duplicates=%d lost=%d%n",
                        loops.size(),
                        perLoop.values().stream().mapToInt(Integer::intValue).sum(),
                        beforeKill,
                        busy,
                        waiting.get(busy),
                        waiting,
                        orphaned.size(),
                        orphansRunBy,
                        perNode,
                        duplicates,
                        lost);
                assertThat(beforeKill).as("the busy node was killed part-way").isBetween(1, LOOPS - 1);
                assertThat(waiting.get(busy))
                        .as("the killed node was executing jobs")
                        .isPositive();
                assertThat(orphansRunBy)
                        .as("every job the dead node held ran once, on the survivor")
                        .isEqualTo(Map.of(survivorName, orphaned.size()));
                assertThat(duplicates).isZero();
                assertThat(lost).isZero();
                assertThat(perLoop).hasSize(LOOPS);
                assertThat(survivor.client()
                                .get(PodloopNode.ADMIN + ":" + PodloopNode.ADMIN_PASSWORD, "/api/audit/verify")
                                .body()
                                .get("intact")
                                .asBoolean())
                        .isTrue();
                assertThat(survivor.stop(Duration.ofMinutes(2)))
                        .as("exit on SIGTERM")
                        .isIn(0, 143);
                assertThat(survivor.log())
                        .as("Tomcat finished its requests before the context closed")
                        .contains("Graceful shutdown complete");
            }
        }
    }

    /** The fast timers, and the node's name on its database connections (to see whose transactions wait). */
    private static List<String> settings(String node) {
        List<String> settings = new ArrayList<>(FAST_TIMERS);
        settings.add("--spring.datasource.hikari.data-source-properties.ApplicationName=" + node);
        return settings;
    }

    /**
     * Per node, its transactions waiting for the audit head: once some node has a full pool of them (three
     * job threads) or 3 s after the first — well within the 10 s the jobs stay locked.
     */
    private static Map<String, Integer> awaitWaitingOnTheHead(Connection sql, Duration within) throws SQLException {
        Instant deadline = Instant.now().plus(within);
        Instant firstSeen = null;
        while (Instant.now().isBefore(deadline)) {
            Map<String, Integer> waiting = new LinkedHashMap<>();
            try (var rows = sql.createStatement()
                    .executeQuery("select application_name, count(*) from pg_stat_activity where datname ="
                            + " current_database() and wait_event_type = 'Lock' and application_name like 'node-%'"
                            + " group by application_name")) {
                while (rows.next()) {
                    waiting.put(rows.getString(1), rows.getInt(2));
                }
            }
            if (!waiting.isEmpty() && firstSeen == null) {
                firstSeen = Instant.now();
            }
            if (firstSeen != null
                    && (waiting.values().stream().anyMatch(n -> n >= 3)
                            || Instant.now().isAfter(firstSeen.plusSeconds(3)))) {
                return waiting;
            }
            PodloopNode.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("no reminder job waited on the audit head within " + within);
    }

    /** Locked jobs: id → "owner|lock expiry". */
    private static Map<String, String> lockedJobs(Connection sql) throws SQLException {
        Map<String, String> locked = new LinkedHashMap<>();
        try (var rows = sql.createStatement()
                .executeQuery(
                        "select id_, lock_owner_, lock_exp_time_ from act_ru_job where lock_owner_ is not null")) {
            while (rows.next()) {
                locked.put(rows.getString(1), rows.getString(2) + "|" + rows.getTimestamp(3));
            }
        }
        return locked;
    }

    private static String owner(String lock) {
        return lock.substring(0, lock.indexOf('|'));
    }

    /** Which node ran each of {@code jobs} to success, from Camunda's job log: node → jobs. */
    private static Map<String, Integer> successfulRunsByNode(Connection sql, List<String> jobs) throws SQLException {
        Map<String, Integer> byNode = new LinkedHashMap<>();
        if (jobs.isEmpty()) {
            return byNode;
        }
        try (var query = sql.prepareStatement("select hostname_, count(*) from act_hi_job_log where job_state_ = 2"
                + " and job_id_ = any (?) group by hostname_")) {
            query.setArray(1, sql.createArrayOf("varchar", jobs.toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    byNode.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return byNode;
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
