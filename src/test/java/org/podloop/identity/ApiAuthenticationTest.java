package org.podloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.podloop.support.PodloopClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Both machine-facing APIs require a Camunda user or an API token; the answer is problem JSON. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiAuthenticationTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/teams",
                "/api/loops",
                "/api/interventions",
                "/engine-rest/task",
                "/engine-rest/process-definition"
            })
    void withoutCredentialsTheAnswerIs401(String path) {
        PodloopClient.Response response = new PodloopClient(port).get(null, path);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().get("status").asInt()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/teams", "/engine-rest/task"})
    void anUnknownUserIsRefused(String path) {
        assertThat(new PodloopClient(port).get("nobody", path).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/teams", "/engine-rest/task?maxResults=10", "/actuator/prometheus"})
    void anUnknownApiTokenIsRefusedWithProblemJson(String path) {
        PodloopClient.Response response = new PodloopClient(port).get(PodloopClient.bearer("plt_unknown"), path);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().get("detail").asText()).contains("API token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/teams", "/engine-rest/task?maxResults=10"})
    void aDemoUserIsLetIn(String path) {
        assertThat(new PodloopClient(port).get("paula", path).status()).isEqualTo(200);
    }
}
