package org.podloop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Podloop node as operators run it: the packaged jar in its own JVM with the {@code postgres}
 * profile, on its own port, against a shared database; killed with SIGKILL or stopped with SIGTERM.
 * Its output goes to {@code target/nodes/<name>.log}.
 */
public final class PodloopNode implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "node-admin-secret";

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    /** A test or benchmark JVM that dies must not leave its nodes running on the machine. */
    private final Thread reaper;

    private PodloopNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.reaper = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts a node; {@code settings} are extra {@code --key=value} arguments (durations, job executor). */
    public static PodloopNode start(String name, PostgresTestDatabase.Server db, List<String> settings) {
        return start(name, db, List.of("-Xmx512m"), settings);
    }

    /** As {@link #start(String, PostgresTestDatabase.Server, List)}, with the JVM options given. */
    public static PodloopNode start(
            String name, PostgresTestDatabase.Server db, List<String> jvmOptions, List<String> settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                // the job log names the node that ran each job
                "--camunda.bpm.generic-properties.properties.hostname=" + name));
        arguments.addAll(settings);
        return launch(name, jar(), jvmOptions, arguments);
    }

    /** Starts the embedded default (H2 in a file under {@code dataFolder}, demo users), as {@code ./mvnw spring-boot:run} does. */
    public static PodloopNode startEmbedded(String name, Path dataFolder) {
        return startEmbedded(name, dataFolder, List.of());
    }

    /** As {@link #startEmbedded(String, Path)}, with the JVM options given. */
    public static PodloopNode startEmbedded(String name, Path dataFolder, List<String> jvmOptions) {
        return startEmbedded(name, dataFolder, jvmOptions, jar());
    }

    /** As {@link #startEmbedded(String, Path, List)}, from another jar (Spring Boot's extracted layout, for one). */
    public static PodloopNode startEmbedded(String name, Path dataFolder, List<String> jvmOptions, Path jar) {
        return launch(
                name,
                jar,
                jvmOptions,
                List.of("--spring.datasource.url=jdbc:h2:file:"
                        + dataFolder.toAbsolutePath().resolve("podloop")
                        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"));
    }

    private static PodloopNode launch(String name, Path jar, List<String> jvmOptions, List<String> arguments) {
        int port = freePort();
        Path log = Path.of("target/nodes", name + ".log");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        // the project's folders unless the settings name others (a repeated option would be joined, not replaced)
        for (String folder : List.of("--podloop.processes.path=processes", "--podloop.rules.path=rules")) {
            String option = folder.substring(0, folder.indexOf('=') + 1);
            if (arguments.stream().noneMatch(argument -> argument.startsWith(option))) {
                command.add(folder);
            }
        }
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("PODLOOP_ADMIN_USER", ADMIN);
            builder.environment().put("PODLOOP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            Process process = builder.start();
            return new PodloopNode(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /actuator/health/readiness} says UP. */
    public PodloopNode awaitReady(Duration within) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(100));
        }
        throw new AssertionError(name + " not ready within " + within + "; see " + log);
    }

    public PodloopClient client() {
        return new PodloopClient(port);
    }

    public int port() {
        return port;
    }

    /** What the node has written to its log so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Resident memory of the node's JVM in MiB (Linux /proc). */
    public long residentMemoryMib() {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful anything, open transactions die with the connection. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: Tomcat stops taking requests, the job executor finishes what it acquired; returns the exit code. */
    public int stop(Duration within) {
        process.destroy();
        return waitForExit(within);
    }

    private int waitForExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not exit within " + within + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        Runtime.getRuntime().removeShutdownHook(reaper);
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("podloop-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "no target/podloop-*.jar: the node tests run after `package` (mvn verify)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
