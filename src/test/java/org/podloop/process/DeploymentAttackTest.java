package org.podloop.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.podloop.process.HostileDefinitions.Attack;
import org.podloop.support.LoopScenario;
import org.podloop.support.PodloopClient;
import org.podloop.support.PodloopClient.Response;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner deploys hostile definitions the way Camunda Modeler does, through
 * {@code /engine-rest/deployment/create}: each is refused with 400, naming the element and the reason,
 * nothing is deployed, and none of them ran.
 */
class DeploymentAttackTest extends LoopScenario {

    @LocalServerPort
    int port;

    PodloopClient client;
    long deploymentsBefore;

    static Stream<Attack> attacks() {
        return HostileDefinitions.all().stream();
    }

    /** The lint API reads BPMN; the other resource types are refused at deploy only. */
    static Stream<Attack> bpmnAttacks() {
        return attacks().filter(Attack::isBpmn);
    }

    @BeforeEach
    void countDeployments() {
        client = new PodloopClient(port);
        deploymentsBefore =
                engine.getRepositoryService().createDeploymentQuery().count();
    }

    @AfterEach
    void nothingWasDeployedAndNothingRan() {
        assertThat(engine.getRepositoryService().createDeploymentQuery().count())
                .isEqualTo(deploymentsBefore);
        // a timer start event would have created a job at deployment
        assertThat(engine.getManagementService().createJobQuery().timers().list())
                .noneMatch(job -> job.getProcessDefinitionKey() != null
                        && job.getProcessDefinitionKey().startsWith("Attack_"));
        HostileDefinitions.noAttackRan(engine);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void aHostileDefinitionIsRefusedNamingTheElement(Attack attack) {
        Response refused = client.deploy("olivia", "attack", Map.of(attack.resource(), attack.content()));

        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
        JsonNode errors = refused.body()
                .at("/details/" + attack.resource().replace("~", "~0").replace("/", "~1") + "/errors");
        assertThat(errors.isArray())
                .as("findings for %s in %s", attack.resource(), refused.body())
                .isTrue();
        if (attack.element() != null) {
            assertThat(errors.findValuesAsText("mainElementId"))
                    .as(refused.body().toString())
                    .contains(attack.element());
        }
        assertThat(errors.findValuesAsText("message"))
                .as(refused.body().toString())
                .anySatisfy(message -> assertThat(message).contains(attack.reason()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnAttacks")
    void theLintApiNamesTheSameFindingsBeforeAnyDeploy(Attack attack) {
        Response linted = client.post(
                "olivia",
                "/api/processes/lint?name=" + attack.resource(),
                "application/xml",
                BodyPublishers.ofString(attack.content()));

        assertThat(linted.status()).isEqualTo(200);
        assertThat(linted.body().at("/findings").findValuesAsText("reason"))
                .anySatisfy(reason -> assertThat(reason).contains(attack.reason()));
    }
}
