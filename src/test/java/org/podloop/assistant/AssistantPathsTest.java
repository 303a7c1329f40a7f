package org.podloop.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.podloop.loop.Decision;
import org.podloop.loop.LoopView;
import org.podloop.loop.ProcessIds;
import org.podloop.loop.TimelineType;
import org.podloop.support.LoopScenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The assistant's paths through processes/LoopIterationProcess.bpmn: brief, debrief, down, failing. */
class AssistantPathsTest extends LoopScenario {

    @Autowired
    private AssistantWorker worker;

    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void workingAgain() {
        worker.mode(AssistantWorker.Mode.WORKING);
    }

    private Object variable(ProcessInstance instance, String name) {
        return engine.getRuntimeService().getVariable(instance.getId(), name);
    }

    private LoopView.Step step(TimelineType type) {
        return loop().timeline().stream()
                .filter(step -> step.type() == type)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + timeline()));
    }

    @Test
    void theBuiltInAssistantBriefsThePodAndDebriefsGovernanceAsDraftsOnTheTimeline() {
        openLoop(38);
        ProcessInstance iteration = currentIteration();
        BpmnAwareTests.assertThat(iteration)
                .hasPassedInOrder("Task_StartIteration", ProcessIds.TASK_WRITE_BRIEF)
                .isWaitingAt(ProcessIds.TASK_CHOOSE_INTERVENTION);
        String brief = (String) variable(iteration, ProcessIds.VAR_ASSISTANT_BRIEF);
        assertThat(brief)
                .startsWith("Draft by Podloop's assistant (built-in), for the pod to weigh: the pod decides.")
                .contains("What the findings say for team " + team)
                .contains("- Serious: ")
                .doesNotContain("..")
                .contains("best options, best first:")
                .contains("Speak-up round")
                .contains("Elsewhere: ")
                .containsPattern("A plan for a \\d+-minute session on “")
                .doesNotContain("paula", "gina", "rulesetVersion");
        assertThat(brief.length()).isLessThanOrEqualTo(3500);
        assertThat(variable(iteration, ProcessIds.VAR_ASSISTANT_WORKER)).isEqualTo("built-in");
        LoopView.Step written = step(TimelineType.ASSISTANT_BRIEF_WRITTEN);
        assertThat(written.actor()).isEqualTo("assistant");
        assertThat(written.detail().path("worker").asText()).isEqualTo("built-in");
        assertThat(written.detail().path("completedBy").asText()).isEqualTo("Podloop");
        assertThat(written.detail().path("promptHash").asText()).hasSize(64);
        assertThat(written.detail().path("text").asText()).isEqualTo(brief);

        chooseAndRun("speak-up-round");
        measure(60);
        BpmnAwareTests.assertThat(iteration)
                .hasPassedInOrder("Task_VerifyOutcome", ProcessIds.TASK_WRITE_DEBRIEF)
                .isWaitingAt(ProcessIds.TASK_DECIDE);
        String debrief = (String) variable(iteration, ProcessIds.VAR_ASSISTANT_DEBRIEF);
        assertThat(debrief)
                .startsWith("Draft by Podloop's assistant (built-in), for governance: governance decides.")
                .contains("What ran: ")
                .contains("What changed:")
                .contains(" → ")
                .contains("How sure we are: ")
                .contains("Suggested decision: CLOSE");
        assertThat(step(TimelineType.ASSISTANT_DEBRIEF_WRITTEN)
                        .detail()
                        .path("text")
                        .asText())
                .isEqualTo(debrief);
        // the audit keeps who wrote what, from which facts
        assertThat(jdbc.queryForList(
                        "select content from audit_entries where kind = 'ASSISTANT_BRIEF_WRITTEN' and loop_id = ?",
                        String.class,
                        loopId))
                .singleElement()
                .satisfies(content -> assertThat(content).contains("built-in", "promptHash", "What the findings say"));
        decide(iteration, Decision.CLOSE);
        BpmnAwareTests.assertThat(iteration).isEnded();
    }

    @Test
    void anAssistantThatIsDownHoldsTheLoopNoLongerThanItsTimeOut() {
        worker.mode(AssistantWorker.Mode.DOWN);
        openLoop(38);
        ProcessInstance iteration = currentIteration();
        BpmnAwareTests.assertThat(iteration).isWaitingAt(ProcessIds.TASK_WRITE_BRIEF);
        assertThat(engine.getExternalTaskService()
                        .createExternalTaskQuery()
                        .processInstanceId(iteration.getId())
                        .topicName(ProcessIds.TOPIC_BRIEF)
                        .count())
                .isEqualTo(1);

        timePasses(Duration.ofMinutes(2).plusSeconds(1));
        BpmnAwareTests.assertThat(iteration)
                .hasPassed(ProcessIds.TASK_NOTE_BRIEF_MISSING)
                .isWaitingAt(ProcessIds.TASK_CHOOSE_INTERVENTION);
        assertThat(variable(iteration, ProcessIds.VAR_ASSISTANT_BRIEF)).isNull();
        assertThat(step(TimelineType.ASSISTANT_DID_NOT_ANSWER)
                        .detail()
                        .path("notice")
                        .asText())
                .isEqualTo("the assistant wrote no brief (it failed or did not answer in time); the pod chooses"
                        + " without it");
        assertThat(timeline()).doesNotContain("ASSISTANT_BRIEF_WRITTEN");
    }

    @Test
    void anAssistantThatFailsLetsTheIterationGoOnAtOnceWithoutIt() {
        openLoop(38);
        ProcessInstance iteration = currentIteration();
        chooseAndRun("speak-up-round");
        worker.mode(AssistantWorker.Mode.FAILING);
        measure(60);
        // the worker reported the error ASSISTANT_FAILED: no waiting for the time-out, no incident left
        BpmnAwareTests.assertThat(iteration)
                .hasPassed(ProcessIds.TASK_NOTE_DEBRIEF_MISSING)
                .isWaitingAt(ProcessIds.TASK_DECIDE);
        assertThat(step(TimelineType.ASSISTANT_DID_NOT_ANSWER)
                        .detail()
                        .path("work")
                        .asText())
                .isEqualTo("debrief");
        assertThat(engine.getRuntimeService()
                        .createIncidentQuery()
                        .processInstanceId(iteration.getId())
                        .count())
                .isZero();
        assertThat(timeline()).doesNotContain("ASSISTANT_DEBRIEF_WRITTEN");
    }
}
