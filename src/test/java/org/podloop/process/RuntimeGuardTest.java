package org.podloop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.podloop.process.HostileDefinitions.Attack;
import org.podloop.support.LoopScenario;

/**
 * The second wall: with the deploy-time lint taken out of the engine (here, in a test only), the same
 * hostile definitions deploy, and then run as the job executor or an administrator would run them — and
 * the engine itself refuses every call outside the allow-list, so none of them leaves its mark.
 * One attack is the lint's alone: a form key naming deployed HTML calls nothing in the engine; it would
 * serve a page to the Tasklist's browser, and the lint, which also keeps HTML out of deployments, is what
 * stops it. Here it deploys and runs, and the canary shows that nothing happened in the engine.
 */
class RuntimeGuardTest extends LoopScenario {

    private List<Deployer> deployers;
    private Deployer lint;
    private Deployment deployment;

    static Stream<Attack> attacks() {
        return HostileDefinitions.all().stream().filter(Attack::isBpmn);
    }

    @BeforeEach
    void takeTheLintOut() {
        deployers = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeployers();
        lint = deployers.stream()
                .filter(d -> d instanceof ProcessLintPlugin.LintingDeployer)
                .findFirst()
                .orElseThrow();
        deployers.remove(lint);
    }

    @AfterEach
    void putTheLintBack() {
        deployers.add(0, lint);
        if (deployment != null) {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true, true);
        }
        HostileDefinitions.noAttackRan(engine);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void theEngineRefusesWhatTheLintWouldHave(Attack attack) {
        try {
            // a timer start event's cycle is evaluated as it is deployed
            deployment = engine.getRepositoryService()
                    .createDeployment()
                    .name("attack-past-the-lint")
                    .addString(attack.resource(), attack.content())
                    .deploy();
            ProcessDefinition definition = engine.getRepositoryService()
                    .createProcessDefinitionQuery()
                    .deploymentId(deployment.getId())
                    .singleResult();
            List<Job> timerStarts = engine.getManagementService()
                    .createJobQuery()
                    .processDefinitionId(definition.getId())
                    .list();
            if (timerStarts.isEmpty()) {
                engine.getRuntimeService().startProcessInstanceById(definition.getId());
            } else {
                // as the job executor: nobody signed in, so no authorization check would stop it
                timerStarts.forEach(job -> engine.getManagementService().executeJob(job.getId()));
            }
        } catch (RuntimeException refused) {
            assertThat(refused)
                    .hasMessageFindingMatch(
                            "Podloop|may not|belongs to the loop|Cannot resolve identifier|non-existing field");
        }

        HostileDefinitions.noAttackRan(engine);
    }
}
