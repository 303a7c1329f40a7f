package org.podloop.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Deploys the process owners' folder ({@code processes/}: BPMN, Camunda Forms, DMN) when the engine
 * starts. Only changed files become new versions, so restarting with an unchanged folder deploys nothing.
 */
@Component
class ProcessDeployer implements SmartInitializingSingleton {

    static final String DEPLOYMENT_NAME = "podloop-processes";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
    private static final List<String> DEPLOYABLE = List.of(".bpmn", ".form", ".dmn");

    private final RepositoryService repository;
    private final Path folder;

    ProcessDeployer(RepositoryService repository, ProcessProperties properties) {
        this.repository = repository;
        this.folder = properties.path();
    }

    /** Before the web server takes requests, so no loop can start against an undeployed process. */
    @Override
    public void afterSingletonsInstantiated() {
        DeploymentWithDefinitions deployment = deploy();
        if (deployment.getDeployedProcessDefinitions() == null
                || deployment.getDeployedProcessDefinitions().isEmpty()) {
            log.info("Processes in {} are unchanged; nothing new deployed", folder.toAbsolutePath());
        } else {
            deployment
                    .getDeployedProcessDefinitions()
                    .forEach(definition -> log.info(
                            "Deployed {} version {} from {}",
                            definition.getKey(),
                            definition.getVersion(),
                            folder.toAbsolutePath()));
        }
    }

    synchronized DeploymentWithDefinitions deploy() {
        DeploymentBuilder builder = repository
                .createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(folder.toString())
                .enableDuplicateFiltering(true);
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> deployable = files.filter(
                            f -> DEPLOYABLE.stream().anyMatch(f.getFileName().toString()::endsWith))
                    .sorted()
                    .toList();
            if (deployable.isEmpty()) {
                throw new IllegalStateException("no BPMN, form or DMN files in " + folder.toAbsolutePath());
            }
            for (Path file : deployable) {
                builder.addString(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the processes folder " + folder.toAbsolutePath(), e);
        }
        return builder.deployWithResult();
    }
}
