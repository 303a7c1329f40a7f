package org.podloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.podloop.loop.ProcessIds.TASK_DECIDE;
import static org.podloop.loop.ProcessIds.TASK_RUN_INTERVENTION;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podloop.loop.ProcessIds;
import org.podloop.support.PodloopClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stop the application while a loop waits at a user task, start it again on the same H2 file: the
 * task is still there and the loop completes. A process owner's edit in between becomes a new
 * version; unchanged files are not redeployed; the running iteration keeps its version.
 */
class RestartSurvivalTest {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(Path processes) {
        return new SpringApplicationBuilder(PodloopApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data/podloop")
                                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000",
                        "--server.port=0",
                        "--podloop.processes.path=" + processes);
    }

    private static PodloopClient client(ConfigurableApplicationContext app) {
        return new PodloopClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    private static int versions(ConfigurableApplicationContext app, String key) {
        return (int) app.getBean(RepositoryService.class)
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .count();
    }

    @Test
    void aLoopWaitingAtAUserTaskSurvivesARestartAndCompletes() throws IOException {
        Path processes = copyOfShippedProcesses();
        String loopId;
        String runTaskId;
        try (ConfigurableApplicationContext first = start(processes)) {
            PodloopClient client = client(first);
            loopId = client.postSnapshot("atlas", "before-restart", Map.of("psychological_safety", 40.0))
                    .body()
                    .at("/loop/id")
                    .asText();
            String choose = client.loopTask("paula", "pod-atlas", loopId, ProcessIds.TASK_CHOOSE_INTERVENTION)
                    .get("id")
                    .asText();
            client.complete("paula", choose, Map.of("interventionId", "anonymous-pre-mortem"));
            runTaskId = client.loopTask("paula", "pod-atlas", loopId, TASK_RUN_INTERVENTION)
                    .get("id")
                    .asText();
        }
        Path iterationFile = processes.resolve("LoopIterationProcess.bpmn");
        Files.writeString(
                iterationFile,
                Files.readString(iterationFile).replace("name=\"Verify outcome\"", "name=\"Verify the outcome\""));

        try (ConfigurableApplicationContext second = start(processes)) {
            PodloopClient client = client(second);
            assertThat(versions(second, ProcessIds.LOOP_ITERATION))
                    .as("the edited definition is a new version")
                    .isEqualTo(2);
            assertThat(versions(second, ProcessIds.EXECUTION_LOOP))
                    .as("an unchanged definition is not redeployed")
                    .isEqualTo(1);

            assertThat(client.loopTask("paula", "pod-atlas", loopId, TASK_RUN_INTERVENTION)
                            .get("id")
                            .asText())
                    .isEqualTo(runTaskId);
            client.complete("paula", runTaskId, Map.of("outcomeNotes", "Pre-mortem held after the restart"));
            client.postSnapshot("atlas", "after-restart", Map.of("psychological_safety", 58.0, "dissent_voiced", 30.0));
            String decide = client.loopTask("gina", "governance", loopId, TASK_DECIDE)
                    .get("id")
                    .asText();
            client.complete("gina", decide, Map.of("decision", "CLOSE", "rationale", "Reduced"));

            var loop = client.get("gina", "/api/loops/" + loopId).body();
            assertThat(loop.get("status").asText()).isEqualTo("CLOSED");
            assertThat(loop.at("/iterations/0/verification/outcome").asText()).isEqualTo("REDUCED");
        }
    }

    private Path copyOfShippedProcesses() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("processes"));
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }
}
