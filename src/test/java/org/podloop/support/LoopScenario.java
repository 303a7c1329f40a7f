package org.podloop.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.podloop.intake.IntakeResult;
import org.podloop.intake.SnapshotIntake;
import org.podloop.loop.Decision;
import org.podloop.loop.LoopService;
import org.podloop.loop.LoopView;
import org.podloop.loop.ProcessIds;
import org.podloop.signal.NewSnapshot;
import org.podloop.signal.NewTeam;
import org.podloop.signal.SignalService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Drives the deployed BPMN through the real entry points (snapshot intake, task completion) with
 * the real delegates, rules and database; subclasses assert the paths with camunda-bpm-assert.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Same annotations on every Spring test base: one shared context per JVM (see the Surefire executions).
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
public abstract class LoopScenario {

    @Autowired
    protected ProcessEngine engine;

    @Autowired
    protected SnapshotIntake intake;

    @Autowired
    protected SignalService signals;

    @Autowired
    protected LoopService loops;

    protected String team;
    protected UUID loopId;
    private int snapshots;

    @org.junit.jupiter.api.AfterEach
    protected void resetTheEngineClock() {
        ClockUtil.reset();
    }

    /** Moves the engine clock forward and runs every timer that is then due, as the job executor would. */
    protected void timePasses(java.time.Duration period) {
        ClockUtil.setCurrentTime(
                java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(period)));
        var management = engine.getManagementService();
        management
                .createJobQuery()
                .timers()
                .duedateLowerThan(ClockUtil.getCurrentTime())
                .list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    protected List<String> timeline() {
        return loop().timeline().stream().map(step -> step.type().name()).toList();
    }

    @BeforeEach
    protected void newTeam() {
        AbstractAssertions.init(engine);
        team = "p" + UUID.randomUUID().toString().substring(0, 8);
        signals.createTeam(new NewTeam(team, "Process test " + team, List.of("paula")));
    }

    protected IntakeResult measure(double psychologicalSafety) {
        return measure(Map.of("psychological_safety", psychologicalSafety));
    }

    protected IntakeResult measure(Map<String, Double> signals) {
        return intake.receive(
                team, new NewSnapshot("s" + (++snapshots), Instant.now().plusMillis(snapshots), 6, signals));
    }

    protected ProcessInstance openLoop(double psychologicalSafety) {
        return openLoop(Map.of("psychological_safety", psychologicalSafety));
    }

    protected ProcessInstance openLoop(Map<String, Double> signals) {
        loopId = measure(signals).loop().id();
        return loopInstance();
    }

    protected ProcessInstance loopInstance() {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.EXECUTION_LOOP)
                .processInstanceBusinessKey(loopId.toString())
                .singleResult();
    }

    protected ProcessInstance currentIteration() {
        return calledProcessInstance(loopInstance());
    }

    /** The pod chooses and runs an intervention; the iteration then waits for re-measurement. */
    protected ProcessInstance chooseAndRun(String interventionId) {
        ProcessInstance iteration = choose(interventionId);
        complete(
                task(ProcessIds.TASK_RUN_INTERVENTION, iteration), withVariables(ProcessIds.VAR_OUTCOME_NOTES, "done"));
        return iteration;
    }

    protected ProcessInstance choose(String interventionId) {
        ProcessInstance iteration = currentIteration();
        complete(
                task(ProcessIds.TASK_CHOOSE_INTERVENTION, iteration),
                withVariables(ProcessIds.VAR_INTERVENTION_ID, interventionId));
        return iteration;
    }

    /** A loop whose first iteration verified REDUCED and waits for governance; returns that iteration. */
    protected ProcessInstance firstIterationAwaitingDecision() {
        openLoop(38);
        ProcessInstance iteration = chooseAndRun("speak-up-round");
        measure(60);
        return iteration;
    }

    protected void decide(ProcessInstance iteration, Decision decision) {
        complete(
                task(ProcessIds.TASK_DECIDE, iteration),
                withVariables(ProcessIds.VAR_DECISION, decision.name(), ProcessIds.VAR_RATIONALE, "on the evidence"));
    }

    protected LoopView loop() {
        return loops.loop(loopId);
    }
}
