package org.podloop.worksignal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient;

/**
 * {@code POST /api/teams/{key}/work-imports} end to end: a Jira export whose work waits long in review
 * opens a loop with a delayed-handoffs finding and the metric's provenance; bad exports are refused
 * naming the problem and store nothing; no person's name is kept.
 */
class WorkImportTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERIOD = "source=jira&from=2026-11-01&to=2026-11-14";

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    private static final LocalDate CREATED = LocalDate.parse("2026-11-02");

    private static Map<String, Object> item(int n, int reviewHours, String reviewStatus) {
        return JiraFixture.item("ATL-" + n, CREATED, reviewHours, reviewStatus);
    }

    private static Map<String, Object> search(List<Map<String, Object>> issues) {
        return JiraFixture.search(issues);
    }

    private PodloopClient.Response post(String user, String query, Object body) {
        return client.post(user, "/api/teams/" + team + "/work-imports?" + query, body);
    }

    private int storedSnapshots() {
        return jdbc.queryForObject("select count(*) from snapshots where team_key = ?", Integer.class, team);
    }

    @Test
    void aJiraExportWithWorkWaitingInReviewOpensALoopWithItsProvenance() {
        List<Map<String, Object>> issues = new ArrayList<>();
        int[] reviewHours = {40, 44, 46, 48, 50, 52};
        for (int i = 0; i < reviewHours.length; i++) {
            issues.add(item(i + 1, reviewHours[i], "In Review"));
        }
        PodloopClient.Response imported = post("collector", PERIOD, search(issues));

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        JsonNode body = imported.body();
        assertThat(body.path("loop").path("id").asText()).isNotBlank();
        assertThat(body.path("findings").toString()).contains("DELAYED_HANDOFFS");
        JsonNode handoff = null;
        for (JsonNode derived : body.path("derived")) {
            if (derived.path("metric").asText().equals("handoff_delay_hours")) {
                handoff = derived;
            }
        }
        assertThat(handoff).as(body.toString()).isNotNull();
        assertThat(handoff.path("value").asDouble()).isEqualTo(47.0); // median of 40…52 → (46 + 48) / 2
        assertThat(handoff.path("items").asInt()).isEqualTo(6);
        assertThat(handoff.path("provenance").asText()).isEqualTo("Jira, 2026-11-01 – 2026-11-14");
        assertThat(handoff.path("basis").asText()).isNotBlank();
        assertThat(jdbc.queryForObject("select external_id from snapshots where team_key = ?", String.class, team))
                .isEqualTo("work-jira-2026-11-01-2026-11-14");

        // the finding quotes where its evidence comes from, in the answer and in what the pod's task shows
        String whereFrom =
                "median of 6 items active in the period, hours in waiting statuses within it, Jira, 2026-11-01 – 2026-11-14";
        JsonNode delayed = null;
        for (JsonNode finding : body.path("findings")) {
            if (finding.path("pattern").asText().equals("DELAYED_HANDOFFS")) {
                delayed = finding;
            }
        }
        assertThat(delayed.path("evidence").get(0).path("metric").asText()).isEqualTo("handoff_delay_hours");
        assertThat(delayed.path("evidence").get(0).path("provenance").asText()).isEqualTo(whereFrom);
        String loopId = body.path("loop").path("id").asText();
        String choose = client.loopTask("paula", "pod-" + team, loopId, "Task_ChooseIntervention")
                .path("id")
                .asText();
        // the text the pod's task shows (Tasklist form and task page alike)
        PodloopClient.Response summary =
                client.get("paula", "/engine-rest/task/" + choose + "/variables/findingSummary");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.body().path("value").asText()).contains("47 hours", whereFrom);

        // the same import again answers the same and stores nothing more
        PodloopClient.Response again = post("collector", PERIOD, search(issues));
        assertThat(again.body().path("snapshotId").asText())
                .isEqualTo(body.path("snapshotId").asText());
        assertThat(storedSnapshots()).isEqualTo(1);
        // team-level only: no person's name or account anywhere Podloop keeps or answers
        assertThat(body.toString()).doesNotContain("Alice", "5b10ac8d");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entries where content like '%Alice%' or content like '%5b10ac8d%'",
                        Integer.class))
                .isZero();
    }

    @Test
    void badImportsAreRefusedNamingTheProblemAndStoreNothing() {
        List<Map<String, Object>> issues = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            issues.add(item(i + 1, 30, i == 0 ? "QA Stage" : "In Review"));
        }
        PodloopClient.Response unknown = post("collector", PERIOD, search(issues));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("field").asText()).isEqualTo("issues");
        assertThat(unknown.body().path("detail").asText()).contains("QA Stage", "rules/work-tracking.yaml");

        PodloopClient.Response tooLong = post("collector", "source=jira&from=2026-08-01&to=2026-11-14", search(issues));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("field").asText()).isEqualTo("to");

        PodloopClient.Response gitlab = post("collector", "source=gitlab&from=2026-11-01&to=2026-11-14", List.of());
        assertThat(gitlab.status()).isEqualTo(400);
        assertThat(gitlab.body().path("field").asText()).isEqualTo("source");

        PodloopClient.Response notJira = post(
                "collector", PERIOD, List.of(Map.of("number", 12, "title", "A pull request", "timeline", List.of())));
        assertThat(notJira.status()).isEqualTo(400);
        assertThat(notJira.body().path("detail").asText()).doesNotContain("Exception", "java.");

        PodloopClient.Response notOver =
                post("collector", "source=jira&from=2026-11-01&to=" + LocalDate.now(ZoneOffset.UTC), search(issues));
        assertThat(notOver.body().path("field").asText()).isEqualTo("to");
        PodloopClient.Response farAway =
                post("collector", "source=jira&from=+999999999-12-31&to=+999999999-12-31", search(issues));
        assertThat(farAway.status()).isEqualTo(400);

        PodloopClient.Response badDate = post("collector", "source=jira&from=first&to=2026-11-14", search(issues));
        assertThat(badDate.body().path("field").asText()).isEqualTo("from");

        assertThat(post("paula", PERIOD, search(issues)).status())
                .as("a pod member posts no imports")
                .isEqualTo(403);
        assertThat(storedSnapshots()).isZero();
    }
}
