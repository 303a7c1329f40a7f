package org.podloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.podloop.loop.ProcessIds;
import org.podloop.support.PodloopClient;
import org.springframework.util.FileSystemUtils;

/**
 * One loop of the soak, driven through its {@link LoopPath} as its pod and governance would (HTTP Basic,
 * the engine's task API, snapshots posted by a survey tool), then checked against what its timeline must
 * say.
 */
final class SoakLoop {

    static final String PASSWORD = "soak-secret";
    private static final String GOVERNOR = "soak-governor";
    private static final int POD_MEMBERS = 20;

    /** The loop's durations in the soak: seconds where a team has days. */
    private static final Duration CHOOSE_REMINDER = Duration.ofSeconds(15);

    private static final Duration TIME_BOX = Duration.ofSeconds(40);
    private static final Duration RUN_REMINDER_BEFORE = Duration.ofSeconds(25);
    private static final Duration OVERDUE = Duration.ofSeconds(15);
    /** The longest a driver waits for a task or a step (a timer due in seconds fires within this). */
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static final String REMIND_TO_CHOOSE = ProcessIds.TASK_REMIND_TO_CHOOSE;
    private static final String REMIND_TO_FINISH = ProcessIds.TASK_REMIND_TO_FINISH;

    /** What a loop goes through; each one ends decided, with its iterations and task completions. */
    enum LoopPath {
        /** Chosen, run, re-measured better, closed. */
        CLOSED_AT_ONCE(1, "CLOSED", 3),
        /** The pod is reminded to choose and that the time-box ends, and the time-box passes while it runs. */
        REMINDED(1, "CLOSED", 3),
        /** The pod extends the time-box once, then reports; governance escalates. */
        EXTENDED(1, "ESCALATED", 4),
        /** No re-measurement comes in time: the pod is asked to arrange one, then it comes. */
        OVERDUE(1, "CLOSED", 4),
        /** Governance asks to repeat, the next iteration worsens and repeats by itself, the third closes. */
        REPEATED(3, "CLOSED", 8),
        /** Three iterations without a reduction; governance escalates. */
        ESCALATED(3, "ESCALATED", 7);

        final int iterations;
        final String status;
        final int completions;

        LoopPath(int iterations, String status, int completions) {
            this.iterations = iterations;
            this.status = status;
            this.completions = completions;
        }
    }

    private final Calls calls;
    private final LoopPath path;
    private final String team;
    private final String member;
    private String loopId;
    private String stage = "not started";
    private String failure;
    private int remeasurements;

    SoakLoop(int index, Calls calls) {
        this.calls = calls;
        this.path = LoopPath.values()[index % LoopPath.values().length];
        this.team = "soak-" + index;
        this.member = podMember(index % POD_MEMBERS);
    }

    LoopPath path() {
        return path;
    }

    /** The settings of both nodes: the shortened durations, the rules with short time-boxes, a quick job executor. */
    static List<String> settings(Path rules) {
        return List.of(
                "--podloop.loop.choose-within=PT1M",
                "--podloop.loop.choose-reminder-after=" + CHOOSE_REMINDER,
                "--podloop.loop.run-reminder-before=" + RUN_REMINDER_BEFORE,
                "--podloop.loop.remeasurement-overdue-after=" + OVERDUE,
                "--podloop.rules.path=" + rules.toAbsolutePath(),
                // an idle node looks for due timers every 2 s, not every minute
                "--camunda.bpm.job-execution.max-wait=2000");
    }

    static Map<String, Object> durations() {
        Map<String, Object> durations = new LinkedHashMap<>();
        durations.put("chooseReminderAfter", CHOOSE_REMINDER.toString());
        durations.put("timeBox", TIME_BOX.toString());
        durations.put("runReminderBefore", RUN_REMINDER_BEFORE.toString());
        durations.put("remeasurementOverdueAfter", OVERDUE.toString());
        return durations;
    }

    /** The shipped rules, every intervention's time-box shortened to {@link #TIME_BOX}. */
    static Path shortenedRules(Path folder) throws IOException {
        FileSystemUtils.deleteRecursively(folder);
        FileSystemUtils.copyRecursively(Path.of("rules"), folder);
        Path catalogue = folder.resolve("interventions.yaml");
        String shortened = Files.readString(catalogue).replaceAll("timeBox: P\\w+", "timeBox: " + TIME_BOX);
        Files.writeString(catalogue, shortened);
        return folder;
    }

    /** The pod members (each in the pods of a twentieth of the teams), governance and a monitoring client. */
    static void prepareUsers(Calls calls) {
        List<String> users = new ArrayList<>(List.of(GOVERNOR, Calls.MONITOR));
        for (int i = 0; i < POD_MEMBERS; i++) {
            users.add(podMember(i));
        }
        for (String user : users) {
            expect(calls.call("setup", node -> node.createUser(Calls.ADMIN, user, "Soak", PASSWORD)), 204, user);
        }
        for (Map.Entry<String, String> membership :
                Map.of(GOVERNOR, "governance", Calls.MONITOR, "monitoring").entrySet()) {
            expect(
                    calls.call(
                            "setup",
                            node -> node.send(
                                    Calls.ADMIN,
                                    "PUT",
                                    "/engine-rest/group/" + membership.getValue() + "/members/" + membership.getKey(),
                                    null)),
                    204,
                    membership);
        }
    }

    private static String podMember(int n) {
        return "soak-pod-" + n;
    }

    /** Runs the path; a step that fails ends the loop's drive and is reported by {@link #check}. */
    void drive() {
        try {
            open();
            switch (path) {
                case CLOSED_AT_ONCE -> {
                    chooseAndRun(false);
                    remeasure(66);
                    decide("CLOSE");
                }
                case REMINDED -> {
                    awaitStep("the reminder to choose", reminder(REMIND_TO_CHOOSE));
                    choose();
                    awaitStep("the reminder that the time-box ends", reminder(REMIND_TO_FINISH));
                    awaitStep("the time-box passing", timeBoxPassed());
                    run(false);
                    remeasure(66);
                    decide("CLOSE");
                }
                case EXTENDED -> {
                    chooseAndRun(true);
                    run(false);
                    remeasure(66);
                    decide("ESCALATE");
                }
                case OVERDUE -> {
                    chooseAndRun(false);
                    podCompletes(
                            "arranging the overdue re-measurement",
                            ProcessIds.TASK_REQUEST_REMEASUREMENT,
                            Map.of(ProcessIds.VAR_REMEASUREMENT_ARRANGEMENT, "a pulse on Monday"));
                    remeasure(66);
                    decide("CLOSE");
                }
                case REPEATED -> {
                    chooseAndRun(false);
                    remeasure(66);
                    decide("REPEAT");
                    chooseAndRun(false);
                    remeasure(40); // worse than its baseline of 66: the next iteration starts by itself
                    chooseAndRun(false);
                    remeasure(66);
                    decide("CLOSE");
                }
                case ESCALATED -> {
                    for (double worse : new double[] {36, 35, 34}) {
                        chooseAndRun(false);
                        remeasure(worse);
                    }
                    decide("ESCALATE");
                }
            }
            stage = "done";
        } catch (RuntimeException failed) {
            failure = failed.getMessage();
        }
    }

    private void open() {
        stage = "creating the team";
        expect(
                calls.call(
                        "team",
                        node -> node.post(
                                Calls.ADMIN,
                                "/api/teams",
                                Map.of("key", team, "name", "Soak " + team, "members", List.of(member)))),
                201,
                "team");
        stage = "posting the baseline";
        PodloopClient.Response opened = calls.call(
                "snapshot",
                node -> node.postSnapshot(
                        Calls.ADMIN, team, "baseline", Instant.now(), Map.of("psychological_safety", 38.0)));
        expect(opened, 200, "baseline");
        loopId = opened.body().at("/loop/id").asText();
        if (loopId.isEmpty()) {
            throw new IllegalStateException("the baseline opened no loop: " + opened.body());
        }
    }

    private void chooseAndRun(boolean extend) {
        choose();
        run(extend);
    }

    private void choose() {
        podCompletes(
                "choosing",
                ProcessIds.TASK_CHOOSE_INTERVENTION,
                Map.of(ProcessIds.VAR_INTERVENTION_ID, "speak-up-round"));
    }

    private void run(boolean extend) {
        podCompletes(
                extend ? "extending the time-box" : "reporting on the run",
                ProcessIds.TASK_RUN_INTERVENTION,
                Map.of(ProcessIds.VAR_OUTCOME_NOTES, "done", ProcessIds.VAR_EXTEND, extend));
    }

    /** The team's pod member completes the loop's task of {@code taskKey}. */
    private void podCompletes(String what, String taskKey, Map<String, Object> variables) {
        stage = what;
        complete(member, "pod-" + team, taskKey, variables);
    }

    private void remeasure(double safety) {
        stage = "re-measuring (" + (remeasurements + 1) + ")";
        String externalId = "remeasure-" + ++remeasurements;
        Instant measuredAt = Instant.now();
        Function<PodloopClient, PodloopClient.Response> post = node ->
                node.postSnapshot(Calls.ADMIN, team, externalId, measuredAt, Map.of("psychological_safety", safety));
        PodloopClient.Response answer = calls.call("snapshot", post);
        // a lost race with the loop's own work (409: nothing stored) is sent again, with the same externalId
        for (int retry = 0; retry < 5 && answer.status() == 409; retry++) {
            SoakRunner.pause(Duration.ofMillis(500));
            answer = calls.call("snapshot", post);
        }
        expect(answer, 200, externalId);
        if (!loopId.equals(answer.body().at("/loop/id").asText())) {
            throw new IllegalStateException(externalId + " did not join the loop: " + answer.body());
        }
    }

    private void decide(String decision) {
        stage = "deciding " + decision;
        complete(
                GOVERNOR,
                "governance",
                ProcessIds.TASK_DECIDE,
                Map.of(ProcessIds.VAR_DECISION, decision, ProcessIds.VAR_RATIONALE, "on the soak's evidence"));
    }

    /**
     * Completes the loop's one open task of {@code taskKey} as {@code user}, finding it as the user does
     * (by candidate group); a lost race with a timer (409) is tried again, as a person would.
     */
    private void complete(String user, String group, String taskKey, Map<String, Object> variables) {
        String as = user + ":" + PASSWORD;
        Instant deadline = Instant.now().plus(PATIENCE);
        int conflicts = 0;
        // a task that is not there yet is mostly behind a timer: look again after 250 ms, then less often
        Duration wait = Duration.ofMillis(250);
        while (true) {
            List<JsonNode> tasks = tasks(as, group, taskKey);
            if (tasks.size() > 1) {
                throw new IllegalStateException("two open " + taskKey + ": " + tasks);
            }
            if (tasks.size() == 1) {
                String taskId = tasks.get(0).get("id").asText();
                PodloopClient.Response answer = calls.call("complete", node -> node.complete(as, taskId, variables));
                if (answer.status() == 204) {
                    return;
                }
                // a lost race (409) or no connection in time (503): look again whether it is still open
                if ((answer.status() != 409 && answer.status() != 503) || ++conflicts > 5) {
                    throw new IllegalStateException(
                            "completing " + taskKey + " answered " + answer.status() + ": " + answer.body());
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no " + taskKey + " within " + PATIENCE);
            }
            SoakRunner.pause(wait);
            wait = Duration.ofMillis(Math.min(2000, wait.toMillis() * 2));
        }
    }

    private List<JsonNode> tasks(String as, String group, String taskKey) {
        String query = "/engine-rest/task?maxResults=10&candidateGroup=" + group + "&processInstanceBusinessKey="
                + loopId + "&taskDefinitionKey=" + URLEncoder.encode(taskKey, StandardCharsets.UTF_8);
        PodloopClient.Response answer = calls.call("tasks", node -> node.get(as, query));
        expect(answer, 200, "task query");
        return StreamSupport.stream(answer.body().spliterator(), false).toList();
    }

    /** Polls the loop every two seconds until its timeline has a step that {@code wanted} accepts. */
    private void awaitStep(String what, Predicate<JsonNode> wanted) {
        stage = "waiting for " + what;
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            PodloopClient.Response loop = calls.call("loop", node -> node.get(Calls.ADMIN, "/api/loops/" + loopId));
            expect(loop, 200, "loop");
            if (steps(loop.body()).anyMatch(wanted)) {
                return;
            }
            SoakRunner.pause(Duration.ofSeconds(2));
        }
        throw new IllegalStateException("no " + what + " within " + PATIENCE);
    }

    private static Predicate<JsonNode> reminder(String activity) {
        return step -> step.path("type").asText().equals("REMINDER_SENT")
                && step.at("/detail/reminder").asText().equals(activity);
    }

    private static Predicate<JsonNode> timeBoxPassed() {
        return step -> step.path("type").asText().equals("REMEASUREMENT_REQUESTED")
                && step.at("/detail/when").asText().equals("TIME_BOX_PASSED");
    }

    private static Predicate<JsonNode> ofType(String type) {
        return step -> step.path("type").asText().equals(type);
    }

    private static Stream<JsonNode> steps(JsonNode loop) {
        return StreamSupport.stream(loop.path("timeline").spliterator(), false);
    }

    /**
     * What is wrong with the loop now that it has been driven: its status, iterations and timeline
     * against its path. Timers that fired on a path that did not wait for them (a step came later than
     * its reminder) are counted in {@code unplanned}, not wrong, as long as each fired at most once.
     */
    List<String> check(Map<String, Integer> unplanned) {
        String name = team + " (" + path + ")";
        if (failure != null) {
            return List.of(name + " failed while " + stage + ": " + failure);
        }
        JsonNode loop;
        try {
            loop = calls.get(Calls.ADMIN, "/api/loops/" + loopId);
        } catch (RuntimeException unreadable) {
            return List.of(name + ": its loop could not be read: " + unreadable.getMessage());
        }
        List<String> wrong = new ArrayList<>();
        expectEqual(wrong, "status", path.status, loop.path("status").asText());
        expectEqual(
                wrong, "iterations", path.iterations, loop.path("iterations").size());
        for (String perIteration : List.of(
                "ITERATION_STARTED",
                "REMEASUREMENT_RECEIVED",
                "VERIFIED",
                "ASSISTANT_BRIEF_WRITTEN",
                "ASSISTANT_DEBRIEF_WRITTEN",
                "ITERATION_ENDED")) {
            expectEqual(wrong, perIteration, path.iterations, count(loop, ofType(perIteration)));
        }
        expectEqual(wrong, "ASSISTANT_DID_NOT_ANSWER", 0, count(loop, ofType("ASSISTANT_DID_NOT_ANSWER")));
        expectEqual(wrong, "TASK_COMPLETED", path.completions, count(loop, ofType("TASK_COMPLETED")));
        expectEqual(wrong, "LOOP_" + path.status, 1, count(loop, ofType("LOOP_" + path.status)));
        expectEqual(
                wrong,
                "TIME_BOX_EXTENDED",
                path == LoopPath.EXTENDED ? 1 : 0,
                count(loop, ofType("TIME_BOX_EXTENDED")));

        int runTasks = path == LoopPath.EXTENDED ? 2 : 1;
        Map<String, Predicate<JsonNode>> timers = new LinkedHashMap<>();
        timers.put(REMIND_TO_CHOOSE, reminder(REMIND_TO_CHOOSE));
        timers.put(REMIND_TO_FINISH, reminder(REMIND_TO_FINISH));
        timers.put("TIME_BOX_PASSED", timeBoxPassed());
        timers.put("REMEASUREMENT_OVERDUE", ofType("REMEASUREMENT_OVERDUE"));
        for (int iteration = 1; iteration <= path.iterations; iteration++) {
            int number = iteration;
            for (Map.Entry<String, Predicate<JsonNode>> timer : timers.entrySet()) {
                long fired = count(
                        loop,
                        timer.getValue().and(step -> step.path("iteration").asInt() == number));
                boolean planned = (path == LoopPath.REMINDED && !timer.getKey().equals("REMEASUREMENT_OVERDUE"))
                        || (path == LoopPath.OVERDUE && timer.getKey().equals("REMEASUREMENT_OVERDUE"));
                long most = timer.getKey().equals(REMIND_TO_FINISH) ? runTasks : 1;
                if (planned && fired != 1) {
                    wrong.add(timer.getKey() + " in iteration " + number + ": expected 1, found " + fired);
                } else if (fired > most) {
                    wrong.add(timer.getKey() + " fired " + fired + " times in iteration " + number);
                } else if (!planned && fired > 0) {
                    unplanned.merge(timer.getKey(), (int) fired, Integer::sum);
                }
            }
        }
        return wrong.isEmpty() ? List.of() : List.of(name + ": " + String.join("; ", wrong));
    }

    private static long count(JsonNode loop, Predicate<JsonNode> which) {
        return steps(loop).filter(which).count();
    }

    private static void expectEqual(List<String> wrong, String what, Object expected, Object found) {
        if (!String.valueOf(expected).equals(String.valueOf(found))) {
            wrong.add(what + ": expected " + expected + ", found " + found);
        }
    }

    private static void expect(PodloopClient.Response answer, int status, Object what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
    }
}
