package org.podloop.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
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

    /**
     * Points a test context at the database; as an initializer (not a per-class property source) it
     * lets every PostgreSQL test class share one cached Spring context.
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Server db = server();
            TestPropertyValues.of(
                            "spring.datasource.url=" + db.url(),
                            "spring.datasource.username=" + db.user(),
                            "spring.datasource.password=" + db.password())
                    .applyTo(context);
        }
    }

    /** Where the PostgreSQL tests' database is: the environment's, or the Testcontainers one. */
    public record Server(String url, String user, String password) {

        /** A new, empty database on the same server, for tests that start Podloop nodes as processes. */
        public Server freshDatabase(String prefix) {
            String name = prefix + "_" + System.currentTimeMillis();
            String maintenance = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
            try (var connection = java.sql.DriverManager.getConnection(maintenance, user, password);
                    var statement = connection.createStatement()) {
                statement.execute("create database " + name);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot create the database " + name + " on " + maintenance, e);
            }
            return new Server(url.substring(0, url.lastIndexOf('/') + 1) + name, user, password);
        }

        /** Drops this database (made by {@link #freshDatabase}), closing what is still connected to it. */
        public void drop() {
            String name = url.substring(url.lastIndexOf('/') + 1);
            String maintenance = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
            try (var connection = java.sql.DriverManager.getConnection(maintenance, user, password);
                    var statement = connection.createStatement()) {
                statement.execute("drop database if exists " + name + " with (force)");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot drop the database " + name, e);
            }
        }
    }

    /** Work on a database of its own (see {@link Server#freshDatabase}). */
    public interface DatabaseWork {
        void run(Server db) throws Exception;
    }

    /** Runs {@code work} on a new, empty database on the test server and drops it afterwards, passed or failed. */
    public static void inFreshDatabase(String prefix, DatabaseWork work) throws Exception {
        Server db = server().freshDatabase(prefix);
        try {
            work.run(db);
        } finally {
            db.drop();
        }
    }

    public static Server server() {
        String url = System.getenv(URL);
        if (url != null) {
            return new Server(
                    url, envOr("PODLOOP_TEST_POSTGRES_USER", "postgres"), envOr("PODLOOP_TEST_POSTGRES_PASSWORD", ""));
        }
        PostgreSQLContainer<?> db = container();
        return new Server(db.getJdbcUrl(), db.getUsername(), db.getPassword());
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
