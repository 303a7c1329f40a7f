package org.podloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;

/** The endpoints the probes and Prometheus use answer, and the metrics move with what Podloop does. */
class OperationsEndpointsTest extends ApiTest {

    @Override
    protected String[] teamMembers() {
        return new String[] {"quinn"};
    }

    @Test
    void livenessAndReadinessAreUp() {
        assertThat(client.get(null, "/actuator/health/liveness")
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("UP");
        assertThat(client.get(null, "/actuator/health/readiness")
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void prometheusShowsWhatPodloopDid() {
        client.postSnapshot(team, "metrics", Map.of("psychological_safety", 40.0));

        // an administrator here; Prometheus itself scrapes with a monitoring user's token (ActuatorAccessTest)
        String metrics = client.getText("demo", "/actuator/prometheus").body();

        assertThat(metrics)
                .contains(
                        "podloop_snapshots_ingested_total",
                        "podloop_findings_total{pattern=\"SUPPRESSED_FEEDBACK\"",
                        "podloop_loops{status=\"OPEN\"}",
                        "podloop_classification_seconds_count",
                        "podloop_jobs_backlog",
                        "podloop_tasks_oldest_age_seconds",
                        "podloop_ruleset_version");
    }
}
