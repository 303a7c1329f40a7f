package org.podloop.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL cluster of the test's own, made with Debian's postgresql-common ({@code pg_createcluster},
 * run as root as CI does), so that a test may stop and start the server under load without touching the
 * server other tests use. Trust authentication on 127.0.0.1; dropped with its data on {@link #close}.
 */
public final class OwnPostgresCluster implements AutoCloseable {

    private static final Path CREATE = Path.of("/usr/bin/pg_createcluster");

    private final String version;
    private final String name;
    private final int port;

    private OwnPostgresCluster(String version, String name, int port) {
        this.version = version;
        this.name = name;
        this.port = port;
    }

    /** Why this machine cannot make one, or null when it can. */
    public static String unavailableBecause() {
        if (!Files.isExecutable(CREATE)) {
            return "no " + CREATE + " (Debian's postgresql-common) to make a PostgreSQL cluster of the test's own";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "pg_createcluster needs root to make a cluster of the test's own (CI runs as root)";
        }
        if (installedVersion() == null) {
            return "no PostgreSQL server under /usr/lib/postgresql";
        }
        return null;
    }

    public static OwnPostgresCluster create(String name) {
        int port = PodloopNode.freePort();
        String version = installedVersion();
        run("pg_createcluster", version, name, "-p", String.valueOf(port), "--start", "--", "--auth=trust");
        return new OwnPostgresCluster(version, name, port);
    }

    public PostgresTestDatabase.Server server() {
        return new PostgresTestDatabase.Server("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    /** Stops the server (fast shutdown: open transactions are rolled back, clients disconnected). */
    public void stop() {
        run("pg_ctlcluster", version, name, "stop", "-m", "fast");
    }

    public void start() {
        run("pg_ctlcluster", version, name, "start");
    }

    @Override
    public void close() {
        run("pg_dropcluster", version, name, "--stop");
    }

    private static String installedVersion() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.getFileName().toString())
                    .filter(v -> Files.isExecutable(Path.of("/usr/lib/postgresql", v, "bin", "postgres")))
                    .max(String::compareTo)
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
