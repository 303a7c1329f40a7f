package org.podloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** A test against the whole running application over HTTP, on a fresh team of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Same annotations on every Spring test base: one shared context per JVM (see the Surefire executions).
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected PodloopClient client;
    protected String team;

    /** The members of each test's own team. */
    protected abstract String[] teamMembers();

    /** The quick tour on this test's team: from a low snapshot to gina closing the loop; returns the loop id. */
    protected String walkALoop() {
        return walkALoop(
                java.util.Map.of("psychological_safety", 38.0), java.util.Map.of("psychological_safety", 66.0));
    }

    /** The quick tour with the given metrics at baseline and at re-measurement. */
    protected String walkALoop(java.util.Map<String, Double> baseline, java.util.Map<String, Double> remeasure) {
        String loopId = client.postSnapshot(team, "baseline", baseline)
                .body()
                .at("/loop/id")
                .asText();
        String pod = "pod-" + team;
        client.complete(
                "paula",
                client.loopTask("paula", pod, loopId, "Task_ChooseIntervention")
                        .get("id")
                        .asText(),
                java.util.Map.of("interventionId", "speak-up-round"));
        client.complete(
                "paula",
                client.loopTask("paula", pod, loopId, "Task_RunIntervention")
                        .get("id")
                        .asText(),
                java.util.Map.of("outcomeNotes", "done"));
        client.postSnapshot(team, "remeasure", remeasure);
        client.complete(
                "gina",
                client.loopTask("gina", "governance", loopId, "Task_Decide")
                        .get("id")
                        .asText(),
                java.util.Map.of("decision", "CLOSE", "rationale", "Verified reduction"));
        return loopId;
    }

    @BeforeEach
    void newTeam() {
        client = new PodloopClient(port);
        team = "t" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(client.createTeam(team, teamMembers()).status()).isEqualTo(201);
    }
}
