package org.podloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.podloop.loop.ProcessIds.TASK_CHOOSE_INTERVENTION;
import static org.podloop.loop.ProcessIds.TASK_DECIDE;
import static org.podloop.loop.ProcessIds.TASK_RUN_INTERVENTION;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient.Response;

/**
 * The quick tour of the README as a test: the whole loop over HTTP, as the demo users walk it.
 * Runs once per database (subclasses), against the real engine, rules and database.
 */
abstract class LoopWalkthrough extends ApiTest {

    String pod;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula", "pete"};
    }

    @BeforeEach
    void podOfTheTeam() {
        pod = "pod-" + team;
    }

    @Test
    void aWholeLoopFromLowPsychologicalSafetyToAClosedLoopWithEveryStepActorAndTime() {
        Instant start = Instant.now();
        Response baseline =
                client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0, "engagement", 61.0));
        assertThat(baseline.status()).isEqualTo(200);
        JsonNode finding = baseline.body().at("/findings/0");
        assertThat(finding.get("pattern").asText()).isEqualTo("SUPPRESSED_FEEDBACK");
        assertThat(finding.get("severity").asText()).isEqualTo("HIGH");
        assertThat(finding.at("/rules/0/name").asText())
                .isEqualTo("Very low psychological safety signals suppressed feedback");
        assertThat(finding.get("rulesetVersion").asText()).hasSize(12);
        assertThat(baseline.body().at("/loop/status").asText()).isEqualTo("OPEN");
        String loopId = baseline.body().at("/loop/id").asText();

        JsonNode choose = client.loopTask("paula", pod, loopId, TASK_CHOOSE_INTERVENTION);
        assertThat(client.complete("paula", choose.get("id").asText(), Map.of("interventionId", "speak-up-round"))
                        .status())
                .isEqualTo(204);

        JsonNode run = client.loopTask("paula", pod, loopId, TASK_RUN_INTERVENTION);
        Instant due = Instant.parse(run.get("due").asText().replaceFirst("(\\+\\d\\d)(\\d\\d)$", "$1:$2"));
        assertThat(Duration.between(start, due))
                .as("speak-up-round's 14-day time-box")
                .isBetween(Duration.ofDays(14), Duration.ofDays(14).plusMinutes(5));
        assertThat(client.complete(
                                "paula",
                                run.get("id").asText(),
                                Map.of("outcomeNotes", "Two rounds, three concerns answered"))
                        .status())
                .isEqualTo(204);

        Response remeasure =
                client.postSnapshot(team, "remeasure", Map.of("psychological_safety", 67.0, "feedback_rate", 3.5));
        assertThat(remeasure.status()).isEqualTo(200);
        assertThat(remeasure.body().at("/loop/id").asText()).isEqualTo(loopId);

        JsonNode decide = client.loopTask("gina", "governance", loopId, TASK_DECIDE);
        assertThat(client.complete(
                                "gina",
                                decide.get("id").asText(),
                                Map.of("decision", "CLOSE", "rationale", "Verified reduction"))
                        .status())
                .isEqualTo(204);

        JsonNode loop = client.get("gina", "/api/loops/" + loopId).body();
        assertThat(loop.get("status").asText()).isEqualTo("CLOSED");
        assertThat(loop.get("endedAt").isNull()).isFalse();
        JsonNode iteration = loop.at("/iterations/0");
        assertThat(iteration.get("interventionId").asText()).isEqualTo("speak-up-round");
        assertThat(iteration.at("/verification/outcome").asText()).isEqualTo("REDUCED");
        assertThat(iteration.at("/verification/reasons/0").asText())
                .isEqualTo("Feedback rate was not measured both times");
        assertThat(iteration.at("/verification/rulesetVersion").asText())
                .isEqualTo(finding.get("rulesetVersion").asText());
        assertThat(iteration.at("/baselineFindings/0/pattern").asText()).isEqualTo("SUPPRESSED_FEEDBACK");
        assertThat(iteration.at("/baselineFindings/0/rules/0/name").asText())
                .isEqualTo("Very low psychological safety signals suppressed feedback");
        assertThat(iteration.at("/baselineFindings/0/rulesetVersion").asText())
                .isEqualTo(finding.get("rulesetVersion").asText());
        assertThat(iteration.at("/verification/rules").findValuesAsText("name"))
                .contains("Friction is reduced when a targeted metric improved and none worsened");
        assertThat(iteration.get("decision").asText()).isEqualTo("CLOSE");

        List<String> steps = new ArrayList<>();
        Instant previous = start.minusSeconds(1);
        for (JsonNode step : loop.get("timeline")) {
            Instant at = Instant.parse(step.get("at").asText());
            assertThat(at).isAfterOrEqualTo(previous);
            previous = at;
            steps.add(step.get("type").asText() + "|" + step.path("actor").asText("system") + "|"
                    + step.at("/detail/task").asText(""));
        }
        assertThat(steps)
                .containsExactly(
                        "LOOP_OPENED|demo|",
                        "ITERATION_STARTED|demo|",
                        "ASSISTANT_BRIEF_WRITTEN|assistant|",
                        "TASK_CREATED|system|Task_ChooseIntervention",
                        "TASK_COMPLETED|paula|Task_ChooseIntervention",
                        "TASK_CREATED|system|Task_RunIntervention",
                        "TASK_COMPLETED|paula|Task_RunIntervention",
                        "REMEASUREMENT_REQUESTED|system|",
                        "REMEASUREMENT_RECEIVED|demo|",
                        "VERIFIED|system|",
                        "ASSISTANT_DEBRIEF_WRITTEN|assistant|",
                        "TASK_CREATED|system|Task_Decide",
                        "TASK_COMPLETED|gina|Task_Decide",
                        "ITERATION_ENDED|system|",
                        "LOOP_CLOSED|system|");
    }

    @Test
    void postingTheSameSnapshotAgainAnswersTheSameAndStoresItOnce() {
        Instant measuredAt = Instant.parse("2026-11-02T09:00:00Z");
        Response first = client.postSnapshot(team, "weekly-1", measuredAt, Map.of("psychological_safety", 50.0));
        Response again = client.postSnapshot(team, "weekly-1", measuredAt, Map.of("psychological_safety", 50.0));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(jdbc.queryForObject("select count(*) from snapshots where team_key = ?", Integer.class, team))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from loops where team_key = ?", Integer.class, team))
                .isEqualTo(1);
    }

    @Test
    void theSameExternalIdWithOtherContentIsAConflictAndStoresNothing() {
        client.postSnapshot(team, "weekly-1", Map.of("psychological_safety", 50.0));
        Response conflicting = client.postSnapshot(team, "weekly-1", Map.of("psychological_safety", 51.0));

        assertThat(conflicting.status()).isEqualTo(409);
        assertThat(conflicting.body().get("detail").asText()).contains("weekly-1");
        assertThat(jdbc.queryForObject("select count(*) from snapshots where team_key = ?", Integer.class, team))
                .isEqualTo(1);
    }

    @Test
    void aHealthyTeamIsClassifiedButStartsNoLoop() {
        Response healthy = client.postSnapshot(team, "healthy", Map.of("psychological_safety", 82.0));

        assertThat(healthy.status()).isEqualTo(200);
        assertThat(healthy.body().get("findings")).isEmpty();
        assertThat(healthy.body().has("loop")).isFalse();
        assertThat(client.get("demo", "/api/loops?team=" + team).body().get("items"))
                .isEmpty();
    }

    @Test
    void aSnapshotOutsideTheMetricScaleIsRefusedNamingTheFieldAndStoresNothing() {
        Response refused = client.postSnapshot(team, "bad", Map.of("psychological_safety", 101.0));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("field").asText()).isEqualTo("signals.psychological_safety");
        assertThat(refused.body().get("detail").asText()).contains("outside the scale");
        assertThat(jdbc.queryForObject("select count(*) from snapshots where team_key = ?", Integer.class, team))
                .isZero();
    }

    @Test
    void anUnknownFieldIsRefusedNamingItRatherThanSilentlyDropped() {
        Response refused = client.post(
                "demo",
                "/api/teams/" + team + "/snapshots",
                Map.of(
                        "externalId",
                        "x",
                        "measuredAt",
                        Instant.now().toString(),
                        "respondents",
                        6,
                        "signal",
                        Map.of("psychological_safety", 40.0)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("field").asText()).isEqualTo("signal");
        assertThat(jdbc.queryForObject("select count(*) from snapshots where team_key = ?", Integer.class, team))
                .isZero();
    }

    @Test
    void anUnknownInterventionIsRefusedWith400AndTheTaskStaysOpen() {
        String loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 40.0))
                .body()
                .at("/loop/id")
                .asText();
        JsonNode choose = client.loopTask("pete", pod, loopId, TASK_CHOOSE_INTERVENTION);

        Response refused = client.complete("pete", choose.get("id").asText(), Map.of("interventionId", "group-hug"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).contains("interventionId: unknown intervention 'group-hug'");
        assertThat(client.loopTask("pete", pod, loopId, TASK_CHOOSE_INTERVENTION)
                        .get("id"))
                .isEqualTo(choose.get("id"));
    }
}
