package org.podloop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient.Response;

/**
 * What people who press at the same moment get, on each database (subclasses): one of them succeeds, the
 * others hear that they lost a race (409, in words) and nothing is stored twice or half.
 */
abstract class LostRaceContract extends ApiTest {

    private static final String CSV_HEADER = "team,externalId,measuredAt,respondents,metric,value\n";

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula", "pete"};
    }

    @Test
    void eightMembersCompletingOneTaskAtOnceGiveOneCompletionAndSevenConflicts() throws Exception {
        String loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();
        var task = client.loopTask("paula", "pod-" + team, loopId, "Task_ChooseIntervention");
        String taskId = task.get("id").asText();
        List<Callable<Response>> completes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String member = i % 2 == 0 ? "paula" : "pete";
            completes.add(() -> client.complete(member, taskId, Map.of("interventionId", "speak-up-round")));
        }

        List<Response> answers = inParallel(completes);

        List<String> messages = answers.stream()
                .filter(answer -> answer.body() != null)
                .map(answer -> answer.body().get("message").asText())
                .toList();
        assertThat(answers)
                .as(messages.toString())
                .extracting(Response::status)
                .containsOnly(204, 409)
                .filteredOn(status -> status == 204)
                .hasSize(1);
        assertThat(messages)
                .hasSize(7)
                .allSatisfy(m -> assertThat(m).doesNotContainIgnoringCase("sql").doesNotContain("Exception"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null",
                        Long.class,
                        taskId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?",
                        Long.class,
                        task.get("processInstanceId").asText(),
                        "Task_RunIntervention"))
                .as("one run task, not several")
                .isEqualTo(1);
    }

    @Test
    void parallelIdenticalImportsGiveOneResultAndTheRestConflict() throws Exception {
        int snapshots = 800;
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (int week = 1; week <= snapshots; week++) {
            csv.append(team).append(",w").append(week).append(",2026-10-05T09:00:00Z,6,engagement,64\n");
        }
        List<Callable<Response>> imports = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            imports.add(() -> importCsv(csv.toString()));
        }

        List<Response> answers = inParallel(imports);

        List<Response> stored =
                answers.stream().filter(answer -> answer.status() == 200).toList();
        assertThat(stored).as(answers.toString()).hasSize(1);
        assertThat(stored.get(0).body().get("created").asInt()).isEqualTo(snapshots);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 200)
                .hasSize(3)
                .allSatisfy(answer -> {
                    assertThat(answer.status()).isEqualTo(409);
                    assertThat(answer.body().get("detail").asText())
                            .contains("another import for team '" + team + "' is running");
                });
        assertThat(jdbc.queryForObject("select count(*) from snapshots where team_key = ?", Integer.class, team))
                .isEqualTo(snapshots);
        assertThat(jdbc.queryForObject("select count(*) from classifications where team_key = ?", Integer.class, team))
                .isEqualTo(snapshots);
        assertThat(jdbc.queryForObject("select count(*) from import_leases where team_key = ?", Integer.class, team))
                .as("leases left")
                .isZero();

        // sent again once the first has finished, the same file is a no-op, not a conflict
        Response again = importCsv(csv.toString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("unchanged").asInt()).isEqualTo(snapshots);
    }

    @Test
    void aLeaseLeftByAStoppedNodeDoesNotBlockImportsForever() {
        jdbc.update(
                "insert into import_leases (team_key, taken_at) values (?, ?)",
                team,
                Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)));

        Response answer = importCsv(CSV_HEADER + team + ",w1,2026-10-05T09:00:00Z,6,engagement,64\n");

        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from import_leases where team_key = ?", Integer.class, team))
                .isZero();
    }

    private Response importCsv(String csv) {
        return client.post("demo", "/api/snapshots/import", "text/csv", BodyPublishers.ofString(csv));
    }

    /** Sends every request at the same moment: each waits at one barrier until all are ready to go. */
    private static List<Response> inParallel(List<Callable<Response>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CyclicBarrier start = new CyclicBarrier(requests.size());
        try {
            List<Callable<Response>> together = requests.stream()
                    .<Callable<Response>>map(request -> () -> {
                        start.await();
                        return request.call();
                    })
                    .toList();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(together)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
