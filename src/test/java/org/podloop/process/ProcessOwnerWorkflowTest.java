package org.podloop.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.podloop.loop.ProcessIds;
import org.podloop.support.LoopScenario;
import org.podloop.support.PodloopClient;
import org.podloop.support.PodloopClient.Response;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What process owners do: deploy from Camunda Modeler through the REST API (lint refuses what would
 * break a loop, naming the element), edit a definition that the next iteration then uses, migrate.
 */
class ProcessOwnerWorkflowTest extends LoopScenario {

    @LocalServerPort
    int port;

    PodloopClient client;
    String iterationXml;
    String loopXml;

    @BeforeEach
    void readTheShippedProcesses() throws IOException {
        client = new PodloopClient(port);
        iterationXml = Files.readString(Path.of("processes/LoopIterationProcess.bpmn"));
        loopXml = Files.readString(Path.of("processes/ExecutionLoopProcess.bpmn"));
    }

    /** Undo an edit the way it was made, so that later tests run the shipped definitions again. */
    @AfterEach
    void theShippedDefinitionsAreTheLatestAgain() {
        assertThat(client.deploy(
                                "olivia",
                                ProcessDeployer.DEPLOYMENT_NAME,
                                Map.of("LoopIterationProcess.bpmn", iterationXml))
                        .status())
                .isEqualTo(200);
    }

    private long definitions() {
        return engine.getRepositoryService().createProcessDefinitionQuery().count();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a delegate naming no bean   | camunda:delegateExpression="${verifyOutcome}" | camunda:delegateExpression="${verifyTheOutcome}" | Task_VerifyOutcome | names no bean 'verifyTheOutcome'
            a user task without group   | camunda:candidateGroups="governance"          | camunda:priority="50"                             | Task_Decide        | no candidate group
            a user task without form    | camunda:formRef="Form_Decide"                 | camunda:priority="50"                             | Task_Decide        | no form
            no re-measurement message   | name="RemeasurementReceived"                  | name="SomethingElse"                              | LoopIterationProcess | RemeasurementReceived
            no history time-to-live     | camunda:historyTimeToLive="180"               | camunda:versionTag="x"                            | LoopIterationProcess | historyTimeToLive is missing
            an invalid timer            | ${loopDurations.chooseReminder}               | P2X                                               | Event_ChooseReminder | not a valid ISO-8601 duration
            a script condition          | id="Condition_1">${extensionRequested}        | id="Condition_1" language="groovy">extensionRequested | Flow_ExtensionRequested_ExtendTimeBox | script conditions (language 'groovy') are not allowed
            a script task               | <serviceTask camunda:delegateExpression="${recordReminder}" id="Task_RemindToChoose" | <scriptTask scriptFormat="groovy" id="Task_RemindToChoose" | Task_RemindToChoose | script tasks are not allowed
            """)
    void aDefectiveIterationDeployedFromModelerIsRefusedNamingTheElement(
            String defect, String from, String to, String element, String reason) {
        assertThat(iterationXml).contains(from);
        String broken = iterationXml.replace(from, to);
        if (to.startsWith("<scriptTask")) {
            broken = broken.replace(
                    "<outgoing>Flow_RemindToChoose_ChooseReminded</outgoing>\n    </serviceTask>",
                    "<outgoing>Flow_RemindToChoose_ChooseReminded</outgoing>\n    </scriptTask>");
        }
        long before = definitions();

        Response refused = client.deploy(
                "olivia", "modeler-" + defect.replace(' ', '-'), Map.of("LoopIterationProcess.bpmn", broken));

        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
        JsonNode errors = refused.body().at("/details/LoopIterationProcess.bpmn/errors");
        assertThat(errors.findValuesAsText("mainElementId")).contains(element);
        assertThat(errors.findValuesAsText("message"))
                .anySatisfy(message -> assertThat(message).contains(reason));
        assertThat(definitions()).isEqualTo(before);
    }

    @Test
    void aCallActivityToAnUnknownProcessIsRefused() {
        Response refused = client.deploy(
                "olivia",
                "modeler-unknown-call",
                Map.of(
                        "ExecutionLoopProcess.bpmn",
                        loopXml.replace("calledElement=\"LoopIterationProcess\"", "calledElement=\"NoSuchProcess\"")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()
                        .at("/details/ExecutionLoopProcess.bpmn/errors/0/mainElementId")
                        .asText())
                .isEqualTo("CallActivity_RunIteration");
        assertThat(refused.body()
                        .at("/details/ExecutionLoopProcess.bpmn/errors/0/message")
                        .asText())
                .contains("'NoSuchProcess', which is not deployed");
    }

    @Test
    void theLintApiReportsTheSameWithoutDeploying() {
        long before = definitions();
        Response clean = lintXml(iterationXml);
        assertThat(clean.status()).isEqualTo(200);
        assertThat(clean.body().get("findings")).isEmpty();
        Response defective = lintXml(iterationXml.replace("camunda:formRef=\"Form_Decide\"", ""));
        assertThat(defective.body().at("/findings/0/elementId").asText()).isEqualTo("Task_Decide");
        assertThat(defective.body().at("/findings/0/reason").asText()).contains("no form");
        assertThat(definitions()).isEqualTo(before);
        assertThat(lintXmlAs("paula", iterationXml).status())
                .as("only process owners lint and deploy")
                .isEqualTo(403);
        Response unchangedFolder = client.post("olivia", "/api/processes/deploy", "");
        assertThat(unchangedFolder.status()).isEqualTo(200);
        assertThat(client.post("paula", "/api/processes/deploy", "").status()).isEqualTo(403);
    }

    @Test
    void aPulseRoundThatNoLongerHearsItIsCompleteIsRefused() throws IOException {
        String round = Files.readString(Path.of("processes/PulseRoundProcess.bpmn"));
        assertThat(lint("olivia", "PulseRoundProcess.bpmn", round).body().get("findings"))
                .isEmpty();

        Response deaf = lint(
                "olivia",
                "PulseRoundProcess.bpmn",
                round.replace("name=\"PulseRoundCompleted\"", "name=\"SomethingElse\""));

        assertThat(deaf.body().at("/findings/0/elementId").asText()).isEqualTo("PulseRoundProcess");
        assertThat(deaf.body().at("/findings/0/reason").asText()).contains("PulseRoundCompleted", "deadline");
    }

    private Response lintXml(String xml) {
        return lintXmlAs("olivia", xml);
    }

    private Response lintXmlAs(String user, String xml) {
        return lint(user, "LoopIterationProcess.bpmn", xml);
    }

    private Response lint(String user, String file, String xml) {
        return client.post(
                user, "/api/processes/lint?name=" + file, "application/xml", HttpRequest.BodyPublishers.ofString(xml));
    }

    private int latestIterationVersion() {
        return engine.getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(ProcessIds.LOOP_ITERATION)
                .latestVersion()
                .singleResult()
                .getVersion();
    }

    private int versionOf(ProcessInstance instance) {
        return engine.getRepositoryService()
                .getProcessDefinition(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .singleResult()
                        .getProcessDefinitionId())
                .getVersion();
    }

    private void deployEditedIteration() {
        String edited = iterationXml.replace("${loopDurations.chooseReminder}", "P1D");
        Response deployed =
                client.deploy("olivia", ProcessDeployer.DEPLOYMENT_NAME, Map.of("LoopIterationProcess.bpmn", edited));
        assertThat(deployed.status()).as(String.valueOf(deployed.body())).isEqualTo(200);
    }

    @Test
    void aCleanEditIsANewVersionThatTheNextIterationUsesWhileTheRunningOneKeepsItsOwn() {
        openLoop(38);
        ProcessInstance first = currentIteration();
        int original = versionOf(first);

        deployEditedIteration();
        assertThat(latestIterationVersion()).isEqualTo(original + 1);
        assertThat(versionOf(first))
                .as("the running iteration keeps its version")
                .isEqualTo(original);

        chooseAndRun("speak-up-round");
        measure(40);

        ProcessInstance second = currentIteration();
        assertThat(versionOf(second)).isEqualTo(original + 1);
        timePasses(java.time.Duration.ofDays(1).plusMinutes(1));
        BpmnAwareTests.assertThat(second).as("the edited one-day reminder").hasPassed(ProcessIds.TASK_REMIND_TO_CHOOSE);
    }

    @Test
    void aRunningIterationMovesToANewCompatibleVersion() {
        openLoop(38);
        ProcessInstance running = currentIteration();
        int original = versionOf(running);
        deployEditedIteration();

        Response report = client.post("olivia", "/api/processes/" + ProcessIds.LOOP_ITERATION + "/migrate", "");

        assertThat(report.status()).as(String.valueOf(report.body())).isEqualTo(200);
        assertThat(report.body().get("targetVersion").asInt()).isEqualTo(original + 1);
        assertThat(report.body().get("migrated").findValuesAsText("processInstanceId"))
                .contains(running.getId());
        assertThat(versionOf(running)).isEqualTo(original + 1);
        BpmnAwareTests.assertThat(running).isWaitingAt(ProcessIds.TASK_CHOOSE_INTERVENTION);
        chooseAndRun("speak-up-round");
        measure(60);
        BpmnAwareTests.assertThat(running).isWaitingAt(ProcessIds.TASK_DECIDE);
    }
}
