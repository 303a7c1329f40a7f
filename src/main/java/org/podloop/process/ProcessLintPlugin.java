package org.podloop.process;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Runs {@link ProcessLint} inside the engine before every new deployment — from the processes folder,
 * our API, or Camunda Modeler through {@code /engine-rest/deployment/create} — and refuses a defective
 * definition with the engine's own {@link ParseException}, which REST clients and Modeler show per element.
 */
@Component
class ProcessLintPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final ProcessAllowList allowList;
    private final ProcessContract contract;

    ProcessLintPlugin(ApplicationContext context, ProcessAllowList allowList, List<ProcessContract> contracts) {
        this.context = context;
        this.allowList = allowList;
        this.contract = ProcessContract.allOf(contracts);
    }

    /** The lint as the API uses it, outside an engine command. */
    ProcessLint lint(RepositoryService repository) {
        return new ProcessLint(
                allowList,
                contract,
                key -> repository
                                .createProcessDefinitionQuery()
                                .processDefinitionKey(key)
                                .count()
                        > 0);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> after = new ArrayList<>();
        if (configuration.getCustomPostDeployers() != null) {
            after.addAll(configuration.getCustomPostDeployers());
        }
        after.add(ProcessLintPlugin.this::announce);
        configuration.setCustomPostDeployers(after);
        List<Deployer> deployers = new ArrayList<>();
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        ProcessLint lint = new ProcessLint(
                allowList,
                contract,
                key -> Context.getCommandContext().getProcessDefinitionManager().findLatestProcessDefinitionByKey(key)
                        != null);
        deployers.add(new LintingDeployer(lint));
        configuration.setCustomPreDeployers(deployers);
    }

    /** Every new deployment with new definitions is announced, on every path, for the audit trail. */
    private void announce(DeploymentEntity deployment) {
        if (!deployment.isNew()
                || deployment.getDeployedProcessDefinitions() == null
                || deployment.getDeployedProcessDefinitions().isEmpty()) {
            return;
        }
        var authentication = Context.getCommandContext().getAuthentication();
        context.publishEvent(new ProcessesDeployed(
                deployment.getId(),
                deployment.getName(),
                deployment.getSource(),
                authentication == null ? null : authentication.getUserId(),
                deployment.getDeployedProcessDefinitions().stream()
                        .map(d -> d.getKey() + ":" + d.getVersion())
                        .toList()));
    }

    /**
     * Refuses a new deployment with any defective or unknown resource. Only BPMN processes and Camunda Forms
     * are deployable: the engine would also run CMMN (which checks no authorizations on case instances), DMN,
     * and any resource whose name merely ends in "bpmn" ({@code x.xbpmn}), so everything else is refused.
     */
    static final class LintingDeployer implements Deployer {

        private final ProcessLint lint;

        LintingDeployer(ProcessLint lint) {
            this.lint = lint;
        }

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew()) {
                return;
            }
            List<ResourceEntity> bpmn = deployment.getResources().values().stream()
                    .filter(r -> isBpmn(r.getName()))
                    .toList();
            Set<String> keys = bpmn.stream()
                    .flatMap(r -> processIds(r.getBytes()).stream())
                    .collect(Collectors.toSet());
            for (ResourceEntity resource : deployment.getResources().values()) {
                List<LintFinding> findings = isBpmn(resource.getName())
                        ? lint.lint(resource.getName(), resource.getBytes(), keys)
                        : resource.getName().endsWith(".form")
                                ? ProcessLint.lintForm(resource.getName(), resource.getBytes())
                                : List.of(new LintFinding(
                                        resource.getName(),
                                        null,
                                        "only BPMN processes (.bpmn) and Camunda Forms (.form)"
                                                + " can be deployed to Podloop; this resource type is refused"));
                if (!findings.isEmpty()) {
                    List<Problem> problems =
                            findings.stream().<Problem>map(LintProblem::new).toList();
                    throw new ParseException(
                            "Podloop refused " + resource.getName() + ": "
                                    + findings.stream()
                                            .map(f -> (f.elementId() == null ? "" : f.elementId() + ": ") + f.reason())
                                            .collect(Collectors.joining("; ")),
                            resource.getName(),
                            problems,
                            List.of());
                }
            }
        }

        private static boolean isBpmn(String name) {
            return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
        }
    }

    private static List<String> processIds(byte[] bpmn) {
        try {
            return Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn))
                    .getModelElementsByType(Process.class)
                    .stream()
                    .map(Process::getId)
                    .toList();
        } catch (RuntimeException unreadable) {
            return List.of();
        }
    }

    private record LintProblem(LintFinding finding) implements Problem {

        @Override
        public String getMessage() {
            return finding.reason();
        }

        @Override
        public int getLine() {
            return -1;
        }

        @Override
        public int getColumn() {
            return -1;
        }

        @Override
        public String getMainElementId() {
            return finding.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return finding.elementId() == null ? List.of() : List.of(finding.elementId());
        }
    }
}
