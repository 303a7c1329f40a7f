package org.podloop.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.podloop.common.NotFoundException;
import org.podloop.identity.Directory;
import org.podloop.identity.SystemAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The process owners' workflow: lint a definition, deploy the folder, move running instances to the latest version. */
@Service
public class ProcessService {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ProcessDeployer deployer;
    private final ProcessLintPlugin lint;
    private final ApplicationEventPublisher events;
    private final Directory directory;
    private final TransactionTemplate transaction;
    private final SystemAccess system;

    ProcessService(
            RepositoryService repository,
            RuntimeService runtime,
            ProcessDeployer deployer,
            ProcessLintPlugin lint,
            ApplicationEventPublisher events,
            Directory directory,
            TransactionTemplate transaction,
            SystemAccess system) {
        this.repository = repository;
        this.runtime = runtime;
        this.deployer = deployer;
        this.lint = lint;
        this.events = events;
        this.directory = directory;
        this.transaction = transaction;
        this.system = system;
    }

    /** The findings the deploy-time lint would refuse the file for; empty when it may be deployed. */
    public List<LintFinding> lint(String resourceName, byte[] bpmn) {
        return lint.lint(repository).lint(resourceName, bpmn, List.of());
    }

    /** Deploys the processes folder; only changed files become new versions. */
    public DeploymentReport deployFolder() {
        var deployment = deployer.deploy();
        List<DeploymentReport.Deployed> deployed = deployment.getDeployedProcessDefinitions() == null
                ? List.of()
                : deployment.getDeployedProcessDefinitions().stream()
                        .map(d -> new DeploymentReport.Deployed(d.getKey(), d.getVersion(), d.getId()))
                        .toList();
        return new DeploymentReport(deployment.getId(), deployed);
    }

    /**
     * Moves running instances of older versions of {@code key} to the latest, one instance at a time,
     * mapping activities with equal ids; what Camunda cannot migrate stays where it is, with the reason.
     */
    public MigrationReport migrate(String key) {
        ProcessDefinition latest = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .latestVersion()
                .singleResult();
        if (latest == null) {
            throw new NotFoundException("no process definition '" + key + "'");
        }
        List<MigrationReport.Moved> moved = new ArrayList<>();
        List<MigrationReport.NotMoved> notMoved = new ArrayList<>();
        List<ProcessDefinition> older =
                repository.createProcessDefinitionQuery().processDefinitionKey(key).unlimitedList().stream()
                        .filter(d -> d.getVersion() < latest.getVersion())
                        .sorted(Comparator.comparingInt(ProcessDefinition::getVersion))
                        .toList();
        for (ProcessDefinition source : older) {
            // process owners may migrate instances, not read them (their variables are team data)
            List<String> instances = system.call(() ->
                    runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).unlimitedList().stream()
                            .map(ProcessInstance::getId)
                            .toList());
            if (instances.isEmpty()) {
                continue;
            }
            MigrationPlan plan;
            try {
                plan = runtime.createMigrationPlan(source.getId(), latest.getId())
                        .mapEqualActivities()
                        .updateEventTriggers()
                        .build();
            } catch (ProcessEngineException planRefused) {
                instances.forEach(id ->
                        notMoved.add(new MigrationReport.NotMoved(id, source.getVersion(), planRefused.getMessage())));
                continue;
            }
            for (String instance : instances) {
                try {
                    runtime.newMigration(plan).processInstanceIds(instance).execute();
                    moved.add(new MigrationReport.Moved(instance, source.getVersion()));
                } catch (ProcessEngineException refused) {
                    notMoved.add(new MigrationReport.NotMoved(instance, source.getVersion(), refused.getMessage()));
                }
            }
        }
        MigrationReport report = new MigrationReport(key, latest.getVersion(), moved, notMoved);
        // Each instance migrated in its own transaction above; the record of the whole gets one of its own.
        transaction.executeWithoutResult(
                status -> events.publishEvent(new InstancesMigrated(report, directory.currentActor())));
        return report;
    }
}
