package org.podloop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.podloop.support.PodloopClient.bearer;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/** Probes stay open for Kubernetes; metrics are for administrators and the monitoring group. */
class ActuatorAccessTest extends ApiTest {

    @Autowired
    Directory directory;

    @Override
    protected String[] teamMembers() {
        return new String[] {};
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void probesNeedNoCredentials(String path) {
        Response health = client.get(null, path);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(health.body().has("components")).isFalse();
    }

    @Test
    void metricsWithoutCredentialsAre401ProblemJson() {
        Response refused = client.get(null, "/actuator/prometheus");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("status").asInt()).isEqualTo(401);
        assertThat(client.get(null, "/actuator/info").status()).isEqualTo(401);
    }

    @Test
    void metricsAreForAdministratorsAndMonitoringTokens() {
        String scraper = "mon-" + UUID.randomUUID().toString().substring(0, 8);
        directory.ensureUser(scraper, "Metrics", "Scraper", "demo");
        directory.ensureMembership(scraper, Groups.MONITORING);
        String token = client.post("demo", "/api/tokens", Map.of("user", scraper, "name", "prometheus"))
                .body()
                .get("secret")
                .asText();

        assertThat(metrics("demo").statusCode()).isEqualTo(200);
        HttpResponse<String> scraped = metrics(bearer(token));
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("podloop_ruleset_version");
        // people and signal sources have no business with the operators' figures
        assertThat(metrics("collector").statusCode()).isEqualTo(403);
        assertThat(metrics("paula").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> metrics(String caller) {
        return client.getText(caller, "/actuator/prometheus");
    }
}
