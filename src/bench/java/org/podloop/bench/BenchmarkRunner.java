package org.podloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
import java.util.function.Function;
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
import org.springframework.util.FileSystemUtils;

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
    private static final int TRIALS = 3;

    private final Map<String, Object> results = new LinkedHashMap<>();
    /** The benchmark's own database, for the baselines' extra connections. */
    private PostgresTestDatabase.Server db;

    public static void main(String[] args) throws Exception {
        Files.createDirectories(OUT);
        new BenchmarkRunner().run();
    }

    private void run() throws Exception {
        results.put("machine", Machine.describe());
        results.put("trials", TRIALS);
        phase("classification", BenchmarkRunner::classification);
        phase("startup", BenchmarkRunner::startup);
        db = server().freshDatabase("podloop_bench");
        // plain HTTP on the machine: the session cookie cannot be Secure, or the governance login loses its session
        try (PodloopNode node = PodloopNode.start(
                                "bench-pg",
                                db,
                                List.of("-Xmx1g"),
                                List.of("--server.servlet.session.cookie.secure=false"))
                        .awaitReady(Duration.ofMinutes(3));
                Connection sql = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            PodloopClient api = node.client();
            // the node's JIT warms up first, so that the first trial is not measured cold (nor the later ones
            // flattered)
            singlePosts(api, "warm-single", Instant.now().minus(WEEKS * 7L, ChronoUnit.DAYS));
            loopStarts(api, "warm-loop");
            phase(
                    "ingestion",
                    () -> trials(trial -> {
                        quiet(sql);
                        return ingestion(node, api, sql, "t" + trial, trial == 0);
                    }));
            results.put("residentMemoryAfterIngestionMib", node.residentMemoryMib());
            deployBareProcess(api);
            phase(
                    "loopStart",
                    () -> trials(trial -> {
                        quiet(sql);
                        return loopStart(node, api, "t" + trial, trial == 0);
                    }));
            quiet(sql);
            phase("pulse", () -> pulse(api));
            // before the history copies of auditTimeline, which are not chained
            phase(
                    "auditChain",
                    () -> AuditChainBenchmark.measure(
                            node.port(),
                            api,
                            sql,
                            ADMIN,
                            PodloopNode.ADMIN,
                            PodloopNode.ADMIN_PASSWORD,
                            "t0-single0",
                            AUDIT_CHAIN_ENTRIES));
            phase("auditTimeline", () -> auditTimeline(api, sql));
            phase("growth", () -> growth(api, sql));
        } finally {
            db.drop();
        }
        write("results", results, Report::markdown);
    }

    /** Writes {@code <name>.json} and {@code <name>.md} into target/bench and prints the Markdown. */
    static void write(String name, Map<String, Object> results, Function<JsonNode, String> markdown)
            throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(OUT.resolve(name + ".json").toFile(), results);
        String text = markdown.apply(json.valueToTree(results));
        Files.writeString(OUT.resolve(name + ".md"), text);
        System.out.println(text);
    }

    interface Phase {
        Map<String, Object> run() throws Exception;
    }

    /**
     * Runs one benchmark and keeps its figures; one that fails is reported as failed and the others still
     * run. The results so far are written after each, so that a late failure loses nothing measured.
     */
    private void phase(String name, Phase phase) throws IOException {
        try {
            results.put(name, phase.run());
        } catch (Exception | AssertionError failed) {
            failed.printStackTrace();
            results.put(name, Map.of("failed", String.valueOf(failed)));
        }
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(OUT.resolve("results.json").toFile(), results);
    }

    /** A measurement that yields named figures, run {@link #TRIALS} times: each figure as the list of its trials. */
    interface Trial {
        Map<String, Object> run(int trial) throws Exception;
    }

    static Map<String, Object> trials(Trial trial) throws Exception {
        Map<String, Object> all = new LinkedHashMap<>();
        for (int t = 0; t < TRIALS; t++) {
            Map<String, Object> figures = trial.run(t);
            for (Map.Entry<String, Object> figure : figures.entrySet()) {
                if (figure.getValue() instanceof Number) {
                    @SuppressWarnings("unchecked")
                    List<Object> values = (List<Object>) all.computeIfAbsent(figure.getKey(), k -> new ArrayList<>());
                    values.add(figure.getValue());
                } else {
                    all.putIfAbsent(figure.getKey(), figure.getValue()); // profiles: the first trial's
                }
            }
        }
        return all;
    }

    static PostgresTestDatabase.Server server() {
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

    /**
     * The embedded default (a fresh H2 file each time, default heap) as {@code java -jar} starts it; from
     * Spring Boot's extracted layout; and from that with the class data sharing archive of
     * {@code deploy/cds-archive.sh}: launch to readiness and the resident memory then, {@link #TRIALS} times each.
     */
    private static Map<String, Object> startup() throws Exception {
        Path fast = OUT.resolve("fast");
        Process prepare = new ProcessBuilder(
                        "bash", "deploy/cds-archive.sh", PodloopNode.jar().toString(), fast.toString())
                .redirectErrorStream(true)
                .redirectOutput(OUT.resolve("cds-archive.log").toFile())
                .start();
        expect(prepare.waitFor() == 0, "deploy/cds-archive.sh (see target/bench/cds-archive.log)");
        Path extracted = fast.resolve(PodloopNode.jar().getFileName());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(
                "jar",
                trials(trial -> start(
                        "jar",
                        PodloopNode.jar(),
                        trial == 0 ? List.of(Profile.recordFromLaunch("startup")) : List.of())));
        result.put("extracted", trials(trial -> start("extracted", extracted, List.of())));
        result.put(
                "extractedWithCds",
                trials(trial ->
                        start("cds", extracted, List.of("-XX:SharedArchiveFile=" + fast.resolve("podloop.jsa")))));
        return result;
    }

    private static Map<String, Object> start(String name, Path jar, List<String> jvmOptions) throws IOException {
        Path data = Files.createTempDirectory("podloop-bench-h2");
        Map<String, Object> figures = new LinkedHashMap<>();
        Instant launched = Instant.now();
        try (PodloopNode node = PodloopNode.startEmbedded("bench-" + name, data, jvmOptions, jar)
                .awaitReady(Duration.ofMinutes(3))) {
            figures.put(
                    "launchToReadySeconds",
                    round(Duration.between(launched, Instant.now()).toMillis() / 1000.0));
            figures.put("residentMemoryAfterStartMib", node.residentMemoryMib());
            if (jvmOptions.stream().anyMatch(option -> option.startsWith("-XX:StartFlightRecording"))) {
                figures.put(
                        "profileOfStartUp", Profile.ofRunning(node, "startup").stop());
            }
            node.stop(Duration.ofMinutes(1));
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
        return figures;
    }

    // --- ingestion vs plain JDBC ---

    /** One trial: single POSTs, one CSV import, and the JDBC baselines of the same rows, on teams of {@code prefix}. */
    private Map<String, Object> ingestion(
            PodloopNode node, PodloopClient api, Connection sql, String prefix, boolean profiled) throws Exception {
        int snapshots = TEAMS * WEEKS;
        Instant week0 = Instant.now().minus(WEEKS * 7L, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        createTeams(api, prefix + "-batch", TEAMS);

        Profile profile = profiled ? Profile.start(node, "ingestion") : null;
        double singleSeconds = singlePosts(api, prefix + "-single", week0);
        Map<String, Object> hotSpots = profiled ? profile.stop() : null;

        StringBuilder csv = new StringBuilder("team,externalId,measuredAt,respondents,metric,value\n");
        for (int week = 0; week < WEEKS; week++) {
            for (int team = 0; team < TEAMS; team++) {
                String row =
                        prefix + "-batch" + team + ",w" + week + "," + week0.plus(week * 7L, ChronoUnit.DAYS) + ",8,";
                csv.append(row).append("psychological_safety,80\n");
                csv.append(row).append("engagement,76\n");
            }
        }
        Profile importProfile = profiled ? Profile.start(node, "csv-import") : null;
        double batchSeconds = timed(() -> expect(
                api.post(
                                        ADMIN,
                                        "/api/snapshots/import",
                                        "text/csv",
                                        HttpRequest.BodyPublishers.ofString(csv.toString()))
                                .status()
                        == 200,
                "CSV import"));
        Map<String, Object> importHotSpots = profiled ? importProfile.stop() : null;

        String tables = "bench_" + prefix;
        double jdbcSeconds = plainJdbcInsert(sql, tables + "_batch", snapshots, week0, snapshots);
        // what one durable commit per snapshot costs on this database, from as many clients, as an answered POST needs
        double jdbcPerCommitSeconds = plainJdbcInsert(sql, tables + "_commit", snapshots, week0, 1);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("snapshots", snapshots);
        result.put("httpSinglePerSecond", Math.round(snapshots / singleSeconds));
        result.put("httpCsvBatchPerSecond", Math.round(snapshots / batchSeconds));
        result.put("plainJdbcBatchPerSecond", Math.round(snapshots / jdbcSeconds));
        result.put("plainJdbcOneCommitPerSnapshotPerSecond", Math.round(snapshots / jdbcPerCommitSeconds));
        result.put("ratioSingleToJdbcOneCommit", round(jdbcPerCommitSeconds / singleSeconds));
        result.put("ratioBatchToJdbcBatch", round(jdbcSeconds / batchSeconds));
        result.put("clients", CLIENTS);
        if (profiled) {
            result.put("profileOfSinglePosts", hotSpots);
            result.put("profileOfCsvImport", importHotSpots);
        }
        return result;
    }

    /** {@link #TEAMS} new teams × {@link #WEEKS} healthy snapshots as single POSTs from {@link #CLIENTS} clients; seconds. */
    private static double singlePosts(PodloopClient api, String teams, Instant week0) {
        createTeams(api, teams, TEAMS);
        return timed(() -> parallel(TEAMS * WEEKS, i -> {
            int team = i % TEAMS;
            int week = i / TEAMS;
            var answer = api.post(
                    ADMIN,
                    "/api/teams/" + teams + team + "/snapshots",
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
    }

    /**
     * The same rows into tables shaped like Podloop's (same columns, keys and indexes), in JDBC batches of
     * {@code perCommit} snapshots, each batch its own transaction; one commit per snapshot runs on
     * {@link #CLIENTS} connections at once, as the POSTs do.
     */
    private double plainJdbcInsert(Connection sql, String prefix, int snapshots, Instant week0, int perCommit)
            throws Exception {
        try (var ddl = sql.createStatement()) {
            ddl.execute("create table " + prefix + "_snapshots (like snapshots including all)");
            ddl.execute("create table " + prefix + "_snapshot_metrics (like snapshot_metrics including all)");
        }
        int writers = perCommit == 1 ? CLIENTS : 1;
        List<Connection> connections = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            connections.add(w == 0 ? sql : DriverManager.getConnection(db.url(), db.user(), db.password()));
        }
        try {
            return timed(() -> parallelOn(writers, w -> {
                Connection c = connections.get(w);
                try {
                    c.setAutoCommit(false);
                    try (PreparedStatement snapshot = c.prepareStatement(
                                    "insert into " + prefix + "_snapshots (id, team_key, external_id,"
                                            + " measured_at, respondents, recorded_at, content_hash) values (?, ?, ?, ?, ?, ?, ?)");
                            PreparedStatement metric = c.prepareStatement("insert into " + prefix
                                    + "_snapshot_metrics (snapshot_id, metric, mean_value) values (?, ?, ?)")) {
                        for (int i = w; i < snapshots; i += writers) {
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
                            if ((i / writers + 1) % perCommit == 0 || i + writers >= snapshots) {
                                snapshot.executeBatch();
                                metric.executeBatch();
                                c.commit();
                            }
                        }
                    }
                    c.setAutoCommit(true);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        } finally {
            for (Connection c : connections.subList(1, connections.size())) {
                c.close();
            }
        }
    }

    // --- loop start vs bare Camunda start ---

    /** One trial: {@link #LOOPS} low snapshots that each open a loop, and as many bare Camunda starts. */
    private Map<String, Object> loopStart(PodloopNode node, PodloopClient api, String prefix, boolean profiled)
            throws Exception {
        Profile profile = profiled ? Profile.start(node, "loop-start") : null;
        double loopSeconds = loopStarts(api, prefix + "-loop");
        Map<String, Object> hotSpots = profiled ? profile.stop() : null;
        double bareSeconds = bareStarts(api, prefix);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("loops", LOOPS);
        result.put("podloopLoopsPerSecond", round(LOOPS / loopSeconds));
        result.put("bareCamundaStartsPerSecond", round(LOOPS / bareSeconds));
        result.put("ratio", round(bareSeconds / loopSeconds));
        result.put("clients", CLIENTS);
        if (profiled) {
            result.put("profileOfLoopStarts", hotSpots);
        }
        return result;
    }

    /** {@link #LOOPS} new teams, each posting a low snapshot that opens a loop up to its first user task; seconds. */
    private static double loopStarts(PodloopClient api, String teams) {
        createTeams(api, teams, LOOPS);
        double seconds = timed(() -> parallel(LOOPS, i -> {
            var answer = api.post(
                    ADMIN,
                    "/api/teams/" + teams + i + "/snapshots",
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
        String first = api.get(ADMIN, "/api/loops?team=" + teams + "0")
                .body()
                .at("/items/0/id")
                .asText();
        expect(api.tasks(ADMIN, Map.of("processInstanceBusinessKey", first)).size() == 1, "first user task");
        return seconds;
    }

    private static double bareStarts(PodloopClient api, String prefix) {
        return timed(() -> parallel(
                LOOPS,
                i -> expect(
                        api.post(
                                                ADMIN,
                                                "/engine-rest/process-definition/key/BenchBareProcess/start",
                                                Map.of("businessKey", prefix + "-bare" + i))
                                        .status()
                                == 200,
                        "start")));
    }

    /** A process owner deploys the bare process, as with Camunda Modeler. */
    private static void deployBareProcess(PodloopClient api) {
        createUser(api, "bench-owner", "bench");
        expect(
                api.send(ADMIN, "PUT", "/engine-rest/group/process-owners/members/bench-owner", null)
                                .status()
                        == 204,
                "membership");
        expect(
                api.deploy(
                                        "bench-owner:bench",
                                        "bench-bare",
                                        Map.of("BenchBareProcess.bpmn", BARE_PROCESS, "bench-bare.form", BARE_FORM))
                                .status()
                        == 200,
                "deploy");
    }

    // --- pulse answers ---

    private static final int PULSE_MEMBERS = 50;
    private static final int PULSE_ROUNDS = 4;
    private static final List<Integer> SAFETY_ANSWERS = List.of(6, 2, 5, 3, 6, 2, 3);

    /**
     * {@link #PULSE_MEMBERS} members of one team answer a round all at once, {@link #PULSE_ROUNDS} rounds a
     * trial; answers per second over the answering, and each closed round must count every respondent.
     */
    private static Map<String, Object> pulse(PodloopClient api) throws Exception {
        List<String> members = new ArrayList<>();
        for (int m = 0; m < PULSE_MEMBERS; m++) {
            members.add("pulse-member-" + m);
            createUser(api, members.get(m), "bench");
        }
        expect(
                api.post(ADMIN, "/api/teams", Map.of("key", "pulse", "name", "Pulse", "members", members))
                                .status()
                        == 201,
                "pulse team");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("members", PULSE_MEMBERS);
        result.put("roundsPerTrial", PULSE_ROUNDS);
        result.putAll(trials(trial -> {
            double answering = 0;
            for (int r = 0; r < PULSE_ROUNDS; r++) {
                var opened =
                        api.post(ADMIN, "/api/teams/pulse/pulses", Map.of("metrics", List.of("psychological_safety")));
                expect(opened.status() == 201, opened);
                String round = opened.body().get("id").asText();
                answering += timed(() -> parallelOn(PULSE_MEMBERS, m -> {
                    var answered = api.post(
                            members.get(m) + ":bench",
                            "/api/pulses/" + round + "/answers",
                            Map.of("answers", Map.of("psychological_safety", SAFETY_ANSWERS)));
                    expect(answered.status() == 201, answered);
                }));
                expect(closedWithAll(api, round), "round " + round + " closed with all " + PULSE_MEMBERS);
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("answersPerSecond", Math.round(PULSE_MEMBERS * PULSE_ROUNDS / answering));
            return figures;
        }));
        return result;
    }

    /** The round closes once everyone answered; its aggregate counts each of them. */
    private static boolean closedWithAll(PodloopClient api, String round) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            var view = api.get(ADMIN, "/api/pulses/" + round).body();
            if (view.path("state").asText().equals("CLOSED")) {
                return view.at("/aggregates/psychological_safety/respondents").asInt() == PULSE_MEMBERS;
            }
            PodloopNode.sleep(Duration.ofMillis(200));
        }
        return false;
    }

    // --- growth: the same work with a long history ---

    /** Single POSTs and loop starts again once 100,000 loops and 1,000,000 audit entries are in history. */
    private static Map<String, Object> growth(PodloopClient api, Connection sql) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("loopsInHistory", count(sql, "select count(*) from loops"));
        result.put("auditEntriesInHistory", count(sql, "select count(*) from audit_entries"));
        Instant week0 = Instant.now().minus(WEEKS * 7L, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        result.putAll(trials(trial -> {
            quiet(sql);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put(
                    "httpSinglePerSecond",
                    Math.round(TEAMS * WEEKS / singlePosts(api, "g" + trial + "-single", week0)));
            figures.put("podloopLoopsPerSecond", round(LOOPS / loopStarts(api, "g" + trial + "-loop")));
            return figures;
        }));
        return result;
    }

    /**
     * Waits (up to a minute) until the engine has nothing left to do now: no open external task (the
     * assistant's briefs of the loops opened before) and no job due. A trial must not share the node with
     * the background work of the one before it.
     */
    private static void quiet(Connection sql) throws SQLException {
        Instant started = Instant.now();
        String pending = "select (select count(*) from act_ru_ext_task) + (select count(*) from act_ru_job"
                + " where duedate_ is null or duedate_ <= now())";
        long left;
        while ((left = count(sql, pending)) > 0 && Instant.now().isBefore(started.plus(Duration.ofMinutes(1)))) {
            PodloopNode.sleep(Duration.ofMillis(500));
        }
        System.out.printf(
                "bench: waited %d ms for the engine to be idle (%d left)%n",
                Duration.between(started, Instant.now()).toMillis(), left);
    }

    private static long count(Connection sql, String query) throws SQLException {
        try (var rows = sql.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static final String BARE_FORM = """
            {"id": "Form_BenchBare", "type": "default", "schemaVersion": 4,
             "components": [{"type": "text", "id": "Text_Bare", "text": "A bare task"}]}
            """;

    private static final String BARE_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Bare" targetNamespace="https://podloop.org/bench">
              <bpmn:process id="BenchBareProcess" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="StartEvent_Bare"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Bare" targetRef="Task_Bare"/>
                <bpmn:userTask id="Task_Bare" name="Bare task" camunda:candidateGroups="bench"
                    camunda:formRef="Form_BenchBare" camunda:formRefBinding="deployment">
                  <bpmn:incoming>Flow_1</bpmn:incoming>
                </bpmn:userTask>
              </bpmn:process>
            </bpmn:definitions>
            """;

    // --- audit timeline with 100,000 loops in history ---

    private static Map<String, Object> auditTimeline(PodloopClient api, Connection sql) throws Exception {
        // some whole loops (chosen, run, re-measured, decided) among the templates of the history
        for (int i = 0; i < 20; i++) {
            String loop = api.get(ADMIN, "/api/loops?team=t0-loop" + i)
                    .body()
                    .at("/items/0/id")
                    .asText();
            complete(api, loop, "Task_ChooseIntervention", Map.of("interventionId", "speak-up-round"));
            complete(api, loop, "Task_RunIntervention", Map.of("outcomeNotes", "done"));
            expect(
                    api.post(
                                            ADMIN,
                                            "/api/teams/t0-loop" + i + "/snapshots",
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

    private static void createUser(PodloopClient api, String id, String password) {
        expect(api.createUser(ADMIN, id, "Bench", password).status() == 204, "user " + id);
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
        parallelOn(count, CLIENTS, work);
    }

    /** Runs {@code work} for 0..count-1, each on a thread of its own, all at once. */
    private static void parallelOn(int count, IntConsumer work) {
        parallelOn(count, count, work);
    }

    private static void parallelOn(int count, int threads, IntConsumer work) {
        ExecutorService clients = Executors.newFixedThreadPool(threads);
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
