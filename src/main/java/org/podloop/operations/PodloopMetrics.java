package org.podloop.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.podloop.classification.ClassificationService;
import org.podloop.classification.SignalsClassified;
import org.podloop.loop.LoopService;
import org.podloop.loop.LoopStatus;
import org.podloop.loop.LoopStepRecorded;
import org.podloop.loop.TimelineType;
import org.podloop.signal.SnapshotRecorded;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What Podloop does, as Prometheus metrics (names under {@code podloop_}): snapshots ingested,
 * findings per pattern, verification outcomes, loops by status, age of the oldest open task, the
 * job executor's backlog, the serving ruleset version.
 *
 * <p>Counters move once the transaction that did the work has committed: the snapshots of an import refused
 * for a later bad line, or of a request that lost a race, were never stored and are not counted. An event
 * published outside a transaction counts at once.
 */
@Component
class PodloopMetrics {

    private final MeterRegistry registry;

    PodloopMetrics(
            MeterRegistry registry,
            LoopService loops,
            ManagementService management,
            TaskService tasks,
            ClassificationService classification) {
        this.registry = registry;
        for (LoopStatus status : LoopStatus.values()) {
            Gauge.builder("podloop.loops", loops, l -> l.countByStatus(status))
                    .tag("status", status.name())
                    .description("loops by status")
                    .register(registry);
        }
        Gauge.builder(
                        "podloop.jobs.backlog",
                        management,
                        m -> m.createJobQuery().executable().count())
                .description("jobs due and waiting for the job executor")
                .register(registry);
        Gauge.builder(
                        "podloop.tasks.oldest.age",
                        tasks,
                        t -> t.createTaskQuery().orderByTaskCreateTime().asc().listPage(0, 1).stream()
                                .findFirst()
                                .map(task -> (double)
                                        Duration.between(task.getCreateTime().toInstant(), Instant.now())
                                                .toSeconds())
                                .orElse(0.0))
                .baseUnit("seconds")
                .description("age of the oldest open user task")
                .register(registry);
        Gauge.builder(
                        "podloop.ruleset.version",
                        classification,
                        c -> Long.parseLong(c.activeVersion().substring(0, 8), 16))
                .description("the serving ruleset version: the first 8 hex digits of its content hash, as a number")
                .register(registry);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void snapshotRecorded(SnapshotRecorded event) {
        Counter.builder("podloop.snapshots.ingested")
                .description("new snapshots stored")
                .register(registry)
                .increment();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void classified(SignalsClassified event) {
        event.findings()
                .forEach(f -> Counter.builder("podloop.findings")
                        .tag("pattern", f.pattern())
                        .tag("severity", f.severity())
                        .description("findings raised")
                        .register(registry)
                        .increment());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void loopStep(LoopStepRecorded event) {
        if (event.type() == TimelineType.VERIFIED) {
            Object outcome = event.detail("outcome");
            Counter.builder("podloop.verifications")
                    .tag("outcome", outcome == null ? "UNKNOWN" : outcome.toString())
                    .description("verification outcomes")
                    .register(registry)
                    .increment();
        }
    }
}
