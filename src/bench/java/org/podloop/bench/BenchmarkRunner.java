package org.podloop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import org.podloop.classification.ClassificationBenchmark;
import org.podloop.support.PodloopClient;
import org.podloop.support.PodloopNode;
import org.podloop.support.PostgresTestDatabase;

/**
 * {@code ./mvnw -Pbench -DskipTests verify}: every benchmark of README "Performance" in one run, each
 * next to its baseline on the same machine and database, so that noise cancels. Writes
 * {@code target/bench/results.json} and {@code target/bench/results.md}. Never fails a build on a
 * figure: targets are compared in the Markdown, not asserted.
 */
public final class BenchmarkRunner {

    private static final Path OUT = Path.of("target/bench");
    private static final String ADMIN = PodloopNode.ADMIN + ":" + PodloopNode.ADMIN_PASSWORD;
    private static final int CLIENTS = 4;
    private static final int TEAMS = 40;
    private static final int WEEKS = 25;
    private static final int LOOPS = 200;
    private static final int HISTORY_LOOPS = 100_000;
    private static final int AUDIT_CHAIN_ENTRIES = 1_000_000;

    private final Map<String, Object> results = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        Files.createDirectories(OUT);
        new BenchmarkRunner().run();
    }

    private void run() throws Exception {
        results.put("machine", Machine.describe());
        results.put("classification", classification());
        results.put("startup", startup());
        PostgresTestDatabase.Server db = server().freshDatabase("podloop_bench");
        try (PodloopNode node = PodloopNode.start("bench-pg", db, List.of("-Xmx1g"), List.of())
                        .awaitReady(Duration.ofMinutes(3));
                Connection sql = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            PodloopClient api = node.client();
            results.put("ingestion", ingestion(node, api, sql));
            results.put("residentMemoryAfterIngestionMib", node.residentMemoryMib());
            results.put("loopStart", loopStart(node, api));
            // before the history copies of auditTimeline, which are not chained
            results.put(
                    "auditChain",
                    AuditChainBenchmark.measure(
                            node.port(),
                            api,
                            sql,
                            ADMIN,
                            PodloopNode.ADMIN,
                            PodloopNode.ADMIN_PASSWORD,
                            "single0",
                            AUDIT_CHAIN_ENTRIES));
            results.put("auditTimeline", auditTimeline(api, sql));
        } finally {
            db.drop();
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(OUT.resolve("results.json").toFile(), results);
        String markdown = Report.markdown(json.valueToTree(results));
        Files.writeString(OUT.resolve("results.md"), markdown);
        System.out.println(markdown);
    }

    private static PostgresTestDatabase.Server server() {
        String url =
                System.getenv().getOrDefault("PODLOOP_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        return new PostgresTestDatabase.Server(
                url,
                System.getenv().getOrDefault("PODLOOP_BENCH_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("PODLOOP_BENCH_POSTGRES_PASSWORD", ""));
    }

    // --- classification (JMH) ---

    private static Map<String, Object> classification() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rulesetBuildMillisMedianOf5", round(ClassificationBenchmark.rulesetBuildMillis(5)));
        for (int threads : new int[] {1, 2}) {
            RunResult run = new Runner(new OptionsBuilder()
                            .include(ClassificationBenchmark.class.getName())
                            .threads(threads)
                            .forks(1)
                            .warmupIterations(3)
                            .warmupTime(TimeValue.seconds(3))
                            .measurementIterations(5)
                            .measurementTime(TimeValue.seconds(3))
                            .build())
                    .runSingle();
            Statistics latency = run.getPrimaryResult().getStatistics();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("p50Micros", round(latency.getPercentile(50)));
            figures.put("p99Micros", round(latency.getPercentile(99)));
            figures.put("meanMicros", round(latency.getMean()));
            figures.put("throughputPerSecond", Math.round(threads * 1e6 / latency.getMean()));
            result.put(threads + "thread" + (threads == 1 ? "" : "s"), figures);
        }
        return result;
    }

    // --- start-up of the embedded default ---

    /** The embedded default as {@code java -jar} starts it, then with the heap the image uses; a fresh H2 file each time. */
    private static Map<String, Object> startup() throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        Path firstData = Files.createTempDirectory("podloop-bench-h2");
        Path secondData = Files.createTempDirectory("podloop-bench-h2");
        Instant launched = Instant.now();
        try (PodloopNode node = PodloopNode.startEmbedded(
                        "bench-embedded", firstData, List.of(Profile.recordFromLaunch("startup")))
                .awaitReady(Duration.ofMinutes(3))) {
            result.put(
                    "launchToReadySeconds",
                    round(Duration.between(launched, Instant.now()).toMillis() / 1000.0));
            result.put("residentMemoryAfterStartMib", node.residentMemoryMib());
            result.put("profileOfStartUp", Profile.ofRunning(node, "startup").stop());
            node.stop(Duration.ofMinutes(1));
        }
        launched = Instant.now();
        try (PodloopNode node = PodloopNode.startEmbedded("bench-embedded-512m", secondData, List.of("-Xmx512m"))
                .awaitReady(Duration.ofMinutes(3))) {
            result.put(
                    "launchToReadySecondsXmx512m",
                    round(Duration.between(launched, Instant.now()).toMillis() / 1000.0));
            result.put("residentMemoryAfterStartMibXmx512m", node.residentMemoryMib());
            node.stop(Duration.ofMinutes(1));
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(firstData);
        org.springframework.util.FileSystemUtils.deleteRecursively(secondData);
        return result;
    }

    // --- ingestion vs plain JDBC ---

    private Map<String, Object> ingestion(PodloopNode node, PodloopClient api, Connection sql) throws Exception {
        int snapshots = TEAMS * WEEKS;
        createTeams(api, "single", TEAMS);
        createTeams(api, "batch", TEAMS);
        Instant week0 = Instant.now().minus(WEEKS * 7L, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        Profile profile = Profile.start(node, "ingestion");
        double singleSeconds = timed(() -> parallel(snapshots, i -> {
            int team = i % TEAMS;
            int week = i / TEAMS;
            var answer = api.post(
                    ADMIN,
                    "/api/teams/single" + team + "/snapshots",
                    Map.of(
                            "externalId",
                            "w" + week,
                            "measuredAt",
                            week0.plus(week * 7L, ChronoUnit.DAYS).toString(),
                            "respondents",
                            8,
                            "signals",
                            Map.of("psychological_safety", 80.0, "engagement", 76.0)));
            expect(answer.status() == 200 && !answer.body().has("loop"), answer);
        }));
        Map<String, Object> hotSpots = profile.stop();

        StringBuilder csv = new StringBuilder("team,externalId,measuredAt,respondents,metric,value\n");
        for (int week = 0; week < WEEKS; week++) {
            for (int team = 0; team < TEAMS; team++) {
                String at = week0.plus(week * 7L, ChronoUnit.DAYS).toString();
                csv.append("batch")
                        .append(team)
                        .append(",w")
                        .append(week)
                        .append(',')
                        .append(at)
                        .append(",8,psychological_safety,80\n");
                csv.append("batch")
                        .append(team)
                        .append(",w")
                        .append(week)
                        .append(',')
                        .append(at)
                        .append(",8,engagement,76\n");
            }
        }
        Profile importProfile = Profile.start(node, "csv-import");
        double batchSeconds = timed(() -> expect(
                api.post(
                                        ADMIN,
                                        "/api/snapshots/import",
                                        "text/csv",
                                        HttpRequest.BodyPublishers.ofString(csv.toString()))
                                .status()
                        == 200,
                "CSV import"));
        Map<String, Object> importHotSpots = importProfile.stop();

        double jdbcSeconds = plainJdbcInsert(sql, "bench", snapshots, week0, snapshots);
        // what one durable commit per snapshot costs on this database, as an answered POST needs
        double jdbcPerCommitSeconds = plainJdbcInsert(sql, "bench_commit", snapshots, week0, 1);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("snapshots", snapshots);
        result.put("metricsPerSnapshot", 2);
        result.put("httpSinglePerSecond", Math.round(snapshots / singleSeconds));
        result.put("httpCsvBatchPerSecond", Math.round(snapshots / batchSeconds));
        result.put("plainJdbcBatchPerSecond", Math.round(snapshots / jdbcSeconds));
        result.put("plainJdbcOneCommitPerSnapshotPerSecond", Math.round(snapshots / jdbcPerCommitSeconds));
        result.put("ratioSingleToJdbc", round(jdbcSeconds / singleSeconds));
        result.put("ratioBatchToJdbc", round(jdbcSeconds / batchSeconds));
        result.put("clients", CLIENTS);
        result.put("profileOfSinglePosts", hotSpots);
        result.put("profileOfCsvImport", importHotSpots);
        return result;
    }

    /**
     * The same rows into tables shaped like Podloop's (same columns, keys and indexes), in JDBC batches of
     * {@code perCommit} snapshots, each batch its own transaction.
     */
    private static double plainJdbcInsert(Connection sql, String prefix, int snapshots, Instant week0, int perCommit)
            throws Exception {
        try (var ddl = sql.createStatement()) {
            ddl.execute("create table " + prefix + "_snapshots (like snapshots including all)");
            ddl.execute("create table " + prefix + "_snapshot_metrics (like snapshot_metrics including all)");
        }
        return timed(() -> {
            try {
                sql.setAutoCommit(false);
                try (PreparedStatement snapshot = sql.prepareStatement(
                                "insert into " + prefix + "_snapshots (id, team_key, external_id,"
                                        + " measured_at, respondents, recorded_at, content_hash) values (?, ?, ?, ?, ?, ?, ?)");
                        PreparedStatement metric = sql.prepareStatement("insert into " + prefix
                                + "_snapshot_metrics (snapshot_id, metric, mean_value) values (?, ?, ?)")) {
                    for (int i = 0; i < snapshots; i++) {
                        UUID id = UUID.randomUUID();
                        snapshot.setObject(1, id);
                        snapshot.setString(2, "jdbc" + (i % TEAMS));
                        snapshot.setString(3, "w" + (i / TEAMS));
                        snapshot.setTimestamp(4, Timestamp.from(week0.plus((i / TEAMS) * 7L, ChronoUnit.DAYS)));
                        snapshot.setInt(5, 8);
                        snapshot.setTimestamp(6, Timestamp.from(Instant.now()));
                        snapshot.setString(7, "0".repeat(64));
                        snapshot.addBatch();
                        for (String[] m : new String[][] {{"psychological_safety", "80"}, {"engagement", "76"}}) {
                            metric.setObject(1, id);
                            metric.setString(2, m[0]);
                            metric.setDouble(3, Double.parseDouble(m[1]));
                            metric.addBatch();
                        }
                        if ((i + 1) % perCommit == 0 || i == snapshots - 1) {
                            snapshot.executeBatch();
                            metric.executeBatch();
                            sql.commit();
                        }
                    }
                }
                sql.setAutoCommit(true);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // --- loop start vs bare Camunda start ---

    private Map<String, Object> loopStart(PodloopNode node, PodloopClient api) throws Exception {
        createTeams(api, "loop", LOOPS);
        Profile profile = Profile.start(node, "loop-start");
        double loopSeconds = timed(() -> parallel(LOOPS, i -> {
            var answer = api.post(
                    ADMIN,
                    "/api/teams/loop" + i + "/snapshots",
                    Map.of(
                            "externalId",
                            "baseline",
                            "measuredAt",
                            Instant.now().toString(),
                            "respondents",
                            8,
                            "signals",
                            Map.of("psychological_safety", 38.0)));
            expect(
                    answer.status() == 200
                            && answer.body().at("/loop/status").asText().equals("OPEN"),
                    answer);
        }));
        Map<String, Object> hotSpots = profile.stop();
        expect(
                api.tasks(
                                        ADMIN,
                                        Map.of(
                                                "processInstanceBusinessKey",
                                                api.get(ADMIN, "/api/loops?team=loop0")
                                                        .body()
                                                        .at("/items/0/id")
                                                        .asText()))
                                .size()
                        == 1,
                "first user task");

        // a process owner deploys the bare process, as with Camunda Modeler
        expect(
                api.post(
                                        ADMIN,
                                        "/engine-rest/user/create",
                                        Map.of(
                                                "profile",
                                                Map.of(
                                                        "id",
                                                        "bench-owner",
                                                        "firstName",
                                                        "Bench",
                                                        "lastName",
                                                        "Owner",
                                                        "email",
                                                        "bench@podloop.invalid"),
                                                "credentials",
                                                Map.of("password", "bench")))
                                .status()
                        == 204,
                "user");
        expect(
                api.send(ADMIN, "PUT", "/engine-rest/group/process-owners/members/bench-owner", null)
                                .status()
                        == 204,
                "membership");
        expect(
                api.deploy("bench-owner:bench", "bench-bare", Map.of("BenchBareProcess.bpmn", BARE_PROCESS))
                                .status()
                        == 200,
                "deploy");
        double bareSeconds = timed(() -> parallel(
                LOOPS,
                i -> expect(
                        api.post(
                                                ADMIN,
                                                "/engine-rest/process-definition/key/BenchBareProcess/start",
                                                Map.of("businessKey", "bare" + i))
                                        .status()
                                == 200,
                        "start")));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("loops", LOOPS);
        result.put("podloopLoopsPerSecond", round(LOOPS / loopSeconds));
        result.put("bareCamundaStartsPerSecond", round(LOOPS / bareSeconds));
        result.put("ratio", round(bareSeconds / loopSeconds));
        result.put("clients", CLIENTS);
        result.put("profileOfLoopStarts", hotSpots);
        return result;
    }

    private static final String BARE_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Bare" targetNamespace="https://podloop.org/bench">
              <bpmn:process id="BenchBareProcess" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="StartEvent_Bare"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Bare" targetRef="Task_Bare"/>
                <bpmn:userTask id="Task_Bare" name="Bare task" camunda:candidateGroups="bench" camunda:formKey="bench">
                  <bpmn:incoming>Flow_1</bpmn:incoming>
                </bpmn:userTask>
              </bpmn:process>
            </bpmn:definitions>
            """;

    // --- audit timeline with 100,000 loops in history ---

    private static Map<String, Object> auditTimeline(PodloopClient api, Connection sql) throws Exception {
        // some whole loops (chosen, run, re-measured, decided) among the templates of the history
        for (int i = 0; i < 20; i++) {
            String loop = api.get(ADMIN, "/api/loops?team=loop" + i)
                    .body()
                    .at("/items/0/id")
                    .asText();
            complete(api, loop, "Task_ChooseIntervention", Map.of("interventionId", "speak-up-round"));
            complete(api, loop, "Task_RunIntervention", Map.of("outcomeNotes", "done"));
            expect(
                    api.post(
                                            ADMIN,
                                            "/api/teams/loop" + i + "/snapshots",
                                            Map.of(
                                                    "externalId",
                                                    "remeasure",
                                                    "measuredAt",
                                                    Instant.now().toString(),
                                                    "respondents",
                                                    8,
                                                    "signals",
                                                    Map.of("psychological_safety", 66.0)))
                                    .status()
                            == 200,
                    loop);
            complete(api, loop, "Task_Decide", Map.of("decision", "CLOSE", "rationale", "verified"));
        }
        double seedSeconds = timed(() -> History.copyLoops(sql, HISTORY_LOOPS));
        List<String> sample = new ArrayList<>();
        try (var rows = sql.createStatement().executeQuery("select id from loops order by random() limit 200")) {
            while (rows.next()) {
                sample.add(rows.getString(1));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        long loops;
        try (var rows = sql.createStatement().executeQuery("select count(*) from loops")) {
            rows.next();
            loops = rows.getLong(1);
        }
        result.put("loopsInHistory", loops);
        result.put("seedSeconds", round(seedSeconds));
        result.put(
                "loopTimeline",
                latencies(
                        sample, id -> expect(api.get(ADMIN, "/api/loops/" + id).status() == 200, id)));
        result.put(
                "loopAuditRecord",
                latencies(
                        sample,
                        id -> expect(
                                api.get(ADMIN, "/api/loops/" + id + "/audit").status() == 200, id)));
        return result;
    }

    static Map<String, Object> latencies(List<String> ids, java.util.function.Consumer<String> call) {
        ids.stream().limit(20).forEach(call); // warm-up
        double[] millis = ids.stream()
                .mapToDouble(id -> {
                    long start = System.nanoTime();
                    call.accept(id);
                    return (System.nanoTime() - start) / 1e6;
                })
                .sorted()
                .toArray();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requests", millis.length);
        figures.put("p50Millis", round(millis[millis.length / 2]));
        figures.put("p95Millis", round(millis[(int) Math.ceil(millis.length * 0.95) - 1]));
        return figures;
    }

    // --- helpers ---

    private static void complete(PodloopClient api, String loopId, String taskKey, Map<String, Object> variables) {
        List<com.fasterxml.jackson.databind.JsonNode> tasks =
                api.tasks(ADMIN, Map.of("processInstanceBusinessKey", loopId, "taskDefinitionKey", taskKey));
        expect(
                tasks.size() == 1
                        && api.complete(ADMIN, tasks.get(0).get("id").asText(), variables)
                                        .status()
                                == 204,
                taskKey);
    }

    private static void createTeams(PodloopClient api, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            expect(
                    api.post(
                                            ADMIN,
                                            "/api/teams",
                                            Map.of("key", prefix + i, "name", prefix + " " + i, "members", List.of()))
                                    .status()
                            == 201,
                    prefix + i);
        }
    }

    /** Runs {@code work} for 0..count-1 on {@link #CLIENTS} threads, as that many HTTP clients would. */
    private static void parallel(int count, IntConsumer work) {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                all.add(clients.submit(() -> work.accept(n)));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            clients.shutdown();
        }
    }

    static double timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    static void expect(boolean condition, Object what) {
        if (!condition) {
            throw new IllegalStateException("benchmark step failed: " + what);
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
