package org.podloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.podloop.support.PodloopNode;
import org.podloop.support.PostgresTestDatabase;

/**
 * "A day at speed" (issue 22): two nodes on one PostgreSQL database run {@code podloop.soak.loops}
 * loops (2,000) through every path of the loop — reminders, the time-box passing, an extension, an
 * overdue re-measurement, repeats (asked for and automatic) and escalation — with the loop's durations
 * shortened to seconds, started evenly over {@code podloop.soak.minutes} (20: the issue asks at least 10, and 2,000 loops
 * in 10 minutes saturate a 2-core machine that also runs PostgreSQL and the clients). Every request
 * goes to either node at random. Afterwards it checks every loop's timeline, the audit chain and the
 * engine (no incident, no failed job, nothing left running), writes {@code target/bench/soak.json} and
 * {@code soak.md} and exits non-zero when a check failed: figures are reported, correctness is asserted.
 */
public final class SoakRunner {

    private static final Path OUT = Path.of("target/bench");
    private static final int LOOPS = Integer.getInteger("podloop.soak.loops", 2000);
    private static final Duration AT_LEAST = Duration.ofMinutes(Integer.getInteger("podloop.soak.minutes", 20));
    /** Loops driven at once at most (each driver waits most of its time for a timer). */
    private static final int IN_FLIGHT = 150;

    private static final Duration WINDOW = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        Files.createDirectories(OUT);
        boolean passed = new SoakRunner().run();
        System.exit(passed ? 0 : 1);
    }

    private boolean run() throws Exception {
        PostgresTestDatabase.Server db = BenchmarkRunner.server().freshDatabase("podloop_soak");
        Path rules = SoakLoop.shortenedRules(OUT.resolve("soak-rules"));
        List<String> settings = SoakLoop.settings(rules);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", Machine.describe());
        results.put("loops", LOOPS);
        results.put("durations", SoakLoop.durations());
        boolean passed;
        try (PodloopNode a = PodloopNode.start("soak-a", db, settings).awaitReady(Duration.ofMinutes(3));
                PodloopNode b = PodloopNode.start("soak-b", db, settings).awaitReady(Duration.ofMinutes(3));
                Connection sql = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            Calls calls = new Calls(List.of(a.client(), b.client()));
            SoakLoop.prepareUsers(calls);
            Series series = new Series(List.of(a, b), calls);
            Instant start = Instant.now();
            List<SoakLoop> loops = drive(calls, series, start);
            Duration took = Duration.between(start, Instant.now());
            series.sample(); // the last window
            results.put("minutes", BenchmarkRunner.round(took.toSeconds() / 60.0));
            results.put("loopsPerMinute", BenchmarkRunner.round(LOOPS / (took.toSeconds() / 60.0)));
            results.put("requests", calls.summary(took));
            results.put("series", series.windows);
            Map<String, Object> checks = check(calls, sql, loops);
            results.put("checks", checks);
            passed = Boolean.TRUE.equals(checks.get("passed"));
            results.put(
                    "exitCodes",
                    Map.of("soak-a", a.stop(Duration.ofMinutes(1)), "soak-b", b.stop(Duration.ofMinutes(1))));
        } finally {
            db.drop();
        }
        BenchmarkRunner.write("soak", results, SoakReport::markdown);
        return passed;
    }

    /** Starts the loops evenly over {@link #AT_LEAST} (at most {@link #IN_FLIGHT} at once) and waits for all. */
    private static List<SoakLoop> drive(Calls calls, Series series, Instant start) throws InterruptedException {
        ExecutorService drivers = Executors.newFixedThreadPool(IN_FLIGHT);
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<SoakLoop> loops = new ArrayList<>();
        long spacingNanos = AT_LEAST.toNanos() / LOOPS;
        for (int i = 0; i < LOOPS; i++) {
            long due = i * spacingNanos;
            while (Duration.between(start, Instant.now()).toNanos() < due) {
                Thread.sleep(5);
            }
            series.sampleIfDue();
            inFlight.acquire();
            SoakLoop loop = new SoakLoop(i, calls);
            loops.add(loop);
            drivers.submit(() -> {
                try {
                    loop.drive();
                } finally {
                    series.finished.incrementAndGet();
                    inFlight.release();
                }
            });
            series.started.incrementAndGet();
        }
        drivers.shutdown();
        while (!drivers.awaitTermination(1, TimeUnit.SECONDS)) {
            series.sampleIfDue();
        }
        return loops;
    }

    /** Every loop's timeline against its path, then the audit chain and the engine. */
    private static Map<String, Object> check(Calls calls, Connection sql, List<SoakLoop> loops) throws SQLException {
        Map<String, Object> checks = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> byPath = new LinkedHashMap<>();
        Map<String, Integer> unplannedTimers = new LinkedHashMap<>();
        for (SoakLoop loop : loops) {
            byPath.merge(loop.path().name(), 1, Integer::sum);
            problems.addAll(loop.check(unplannedTimers));
        }
        checks.put("loopsByPath", byPath);
        checks.put("loopsWithProblems", problems.size());
        checks.put("problems", problems.stream().limit(50).toList());
        checks.put("timersThatFiredBecauseAStepCameLate", unplannedTimers);

        JsonNode chain = calls.get(Calls.ADMIN, "/api/audit/verify");
        checks.put("auditChainIntact", chain.path("intact").asBoolean());
        checks.put("auditEntries", chain.path("entries").asLong());
        checks.put("incidents", calls.count("/engine-rest/incident/count"));
        checks.put("jobsWithAnException", calls.count("/engine-rest/job/count?withException=true"));
        checks.put(
                "loopsStillRunning",
                calls.count("/engine-rest/process-instance/count?processDefinitionKey=ExecutionLoopProcess"));
        checks.put("openTasks", calls.count("/engine-rest/task/count"));
        checks.put("jobRunsByNode", jobLog(sql, 2));
        checks.put("failedJobAttemptsByNode", jobLog(sql, 1));
        checks.put("answers", calls.statuses());
        boolean passed = problems.isEmpty()
                && chain.path("intact").asBoolean()
                && (long) checks.get("incidents") == 0
                && (long) checks.get("jobsWithAnException") == 0
                && (long) checks.get("loopsStillRunning") == 0
                && (long) checks.get("openTasks") == 0
                && calls.serverErrors() == 0;
        // a 503 (no database connection within 5 s) is a refusal the client sends again, not a failure
        checks.put("passed", passed);
        return checks;
    }

    /** Camunda's job log: runs (state 2) or failed attempts (state 1) per node, as the node's hostname names it. */
    private static Map<String, Long> jobLog(Connection sql, int state) throws SQLException {
        Map<String, Long> byNode = new LinkedHashMap<>();
        try (var query = sql.prepareStatement(
                "select hostname_, count(*) from act_hi_job_log where job_state_ = ? group by hostname_ order by 1")) {
            query.setInt(1, state);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    byNode.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return byNode;
    }

    /** Every {@link #WINDOW}: loops started and finished, requests and their p99, the nodes' memory. */
    static final class Series {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final List<Map<String, Object>> windows = new ArrayList<>();
        private final List<PodloopNode> nodes;
        private final Calls calls;
        private final Instant start = Instant.now();
        private Instant nextSample = start.plus(WINDOW);

        Series(List<PodloopNode> nodes, Calls calls) {
            this.nodes = nodes;
            this.calls = calls;
        }

        /** A sample when a window has passed since the last one. */
        void sampleIfDue() {
            if (Instant.now().isAfter(nextSample)) {
                sample();
                nextSample = nextSample.plus(WINDOW);
            }
        }

        void sample() {
            Map<String, Object> window = new LinkedHashMap<>();
            window.put("second", Duration.between(start, Instant.now()).toSeconds());
            window.put("loopsStarted", started.get());
            window.put("loopsFinished", finished.get());
            window.putAll(calls.window());
            Map<String, Object> memory = new LinkedHashMap<>();
            for (int n = 0; n < nodes.size(); n++) {
                memory.put("node" + n + "ResidentMib", nodes.get(n).residentMemoryMib());
                memory.put("node" + n + "HeapUsedMib", calls.heapUsedMib(n));
            }
            window.putAll(memory);
            windows.add(window);
            System.out.println("soak: " + window);
        }
    }

    static void pause(Duration duration) {
        PodloopNode.sleep(duration);
    }
}
