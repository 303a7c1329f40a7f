package org.podloop.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Where PostgreSQL tests get their database: {@code PODLOOP_TEST_POSTGRES_URL} (with optional
 * {@code _USER}, {@code _PASSWORD}) when set, as {@code .ci/run} does; else a Testcontainers database
 * when Docker runs; else the tests are skipped with a message saying how to run them.
 */
public final class PostgresTestDatabase implements ExecutionCondition {

    public static final String URL = "PODLOOP_TEST_POSTGRES_URL";
    private static PostgreSQLContainer<?> container;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (System.getenv(URL) != null) {
            return ConditionEvaluationResult.enabled("PostgreSQL from " + URL + "=" + System.getenv(URL));
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL from Testcontainers");
        }
        return ConditionEvaluationResult.disabled("No PostgreSQL for this test: set " + URL
                + "=jdbc:postgresql://127.0.0.1:5432/<empty database> (and PODLOOP_TEST_POSTGRES_USER/_PASSWORD"
                + " if needed), as .ci/run does, or run Docker so that Testcontainers can start one.");
    }

    public static void register(DynamicPropertyRegistry registry) {
        String url = System.getenv(URL);
        if (url != null) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> envOr("PODLOOP_TEST_POSTGRES_USER", "postgres"));
            registry.add("spring.datasource.password", () -> envOr("PODLOOP_TEST_POSTGRES_PASSWORD", ""));
            return;
        }
        PostgreSQLContainer<?> db = container();
        registry.add("spring.datasource.url", db::getJdbcUrl);
        registry.add("spring.datasource.username", db::getUsername);
        registry.add("spring.datasource.password", db::getPassword);
    }

    private static synchronized PostgreSQLContainer<?> container() {
        if (container == null) {
            container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
        }
        return container;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
