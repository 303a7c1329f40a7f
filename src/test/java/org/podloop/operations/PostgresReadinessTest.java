package org.podloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.podloop.support.OnPostgres;
import org.podloop.support.PodloopClient.Response;
import org.springframework.beans.factory.annotation.Value;

/** Readiness follows the database: DOWN while it refuses connections, UP again once it takes them; liveness stays UP. */
@OnPostgres
class PostgresReadinessTest extends ApiTest {

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String user;

    @Value("${spring.datasource.password:}")
    String password;

    @Override
    protected String[] teamMembers() {
        return new String[0];
    }

    private String database() {
        String path = url.substring(url.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    /** As the server's administrator, from its maintenance database. */
    private void administer(String... statements) throws SQLException {
        String maintenance = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection admin = DriverManager.getConnection(maintenance, user, password)) {
            for (String statement : statements) {
                admin.createStatement().execute(statement);
            }
        }
    }

    private Response awaitReadiness(Predicate<Response> state) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Response response;
        do {
            response = client.get(null, "/actuator/health/readiness");
            if (state.test(response)) {
                return response;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        return response;
    }

    @Test
    void readinessGoesDownWhileTheDatabaseIsUnreachableAndUpAfter() throws Exception {
        assertThat(client.get(null, "/actuator/health/readiness").status()).isEqualTo(200);
        String database = database();
        try {
            administer(
                    "alter database \"" + database + "\" allow_connections false",
                    "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                            + "' and pid <> pg_backend_pid()");

            Response down = awaitReadiness(r -> r.status() == 503);

            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body().get("status").asText()).isEqualTo("DOWN");
            assertThat(client.get(null, "/actuator/health/liveness")
                            .body()
                            .get("status")
                            .asText())
                    .isEqualTo("UP");
        } finally {
            administer("alter database \"" + database + "\" allow_connections true");
        }
        Response up = awaitReadiness(r -> r.status() == 200);
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.body().get("status").asText()).isEqualTo("UP");
    }
}
