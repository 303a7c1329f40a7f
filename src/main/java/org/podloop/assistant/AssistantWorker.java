package org.podloop.assistant;

import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.podloop.identity.SystemAccess;
import org.podloop.loop.AssistantWorkRequested;
import org.podloop.loop.PodTasks;
import org.podloop.loop.ProcessIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The in-process worker of the assistant's external tasks: takes each one as soon as the step that
 * opened it has committed (so the pod finds its brief with its task), and sweeps for any it missed (a
 * node that stopped in between). Fetches, writes and completes through Camunda's external-task service as
 * any worker would, so the work shows in Cockpit and the history; a failure is reported to the engine
 * (an incident), and the iteration goes on without it when its time-out passes.
 */
@Component
class AssistantWorker {

    /** What the worker does; tests make it stand for an assistant that is down or fails. */
    enum Mode {
        WORKING,
        DOWN,
        FAILING
    }

    private static final Logger log = LoggerFactory.getLogger(AssistantWorker.class);
    private static final String WORKER_ID = "podloop-" + BuiltInAssistant.WORKER;
    private static final List<String> TOPICS = List.of(ProcessIds.TOPIC_BRIEF, ProcessIds.TOPIC_DEBRIEF);

    private final ExternalTaskService externalTasks;
    private final PodTasks tasks;
    private final BuiltInAssistant builtIn;
    private final AssistantProperties properties;
    private final SystemAccess system;
    private final TransactionTemplate separately;
    private volatile Mode mode = Mode.WORKING;
    private volatile ModelAssistant model;
    /**
     * How many threads may do the built-in work at once in the thread whose commit asked for it. That thread
     * still holds its transaction's connection (Spring releases it after the after-commit listeners) and the
     * work opens transactions of its own: were every request to do so at once, the pool's connections
     * would all be held by threads waiting for one more (the soak found it: 503 after the pool's time-out).
     * So a few work in place (the pod finds its brief with its task), the others hand the work to a thread
     * that holds no connection.
     */
    private static final int IN_PLACE = 2;

    private static final ThreadLocal<Boolean> WORKING = ThreadLocal.withInitial(() -> false);
    private final Semaphore inPlace = new Semaphore(IN_PLACE);
    private final ExecutorService handedOn = Executors.newFixedThreadPool(IN_PLACE, runnable -> {
        Thread thread = new Thread(runnable, "podloop-assistant");
        thread.setDaemon(true);
        return thread;
    });
    /** A model's work, one at a time: it never runs on the thread of the request or job that asked. */
    private final ExecutorService modelThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "podloop-assistant-model");
        thread.setDaemon(true);
        return thread;
    });

    AssistantWorker(
            ExternalTaskService externalTasks,
            PodTasks tasks,
            BuiltInAssistant builtIn,
            AssistantProperties properties,
            SystemAccess system,
            PlatformTransactionManager transactions) {
        this.externalTasks = externalTasks;
        this.tasks = tasks;
        this.builtIn = builtIn;
        this.properties = properties;
        this.system = system;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        AssistantProperties.OpenAi openai = properties.openai();
        this.model = properties.modelBacked()
                ? new ModelAssistant(
                        openai.baseUrl(), openai.model(), openai.apiKey(), openai.timeout(), properties.maxChars())
                : null;
    }

    /** Words the drafts through this model from now on (null: the built-in alone); for tests. */
    void useModel(ModelAssistant model) {
        this.model = model;
    }

    @PreDestroy
    void stop() {
        modelThread.shutdownNow();
        // A brief being written keeps its lock as long as the iteration waits for it: let it finish (it takes
        // milliseconds) instead of interrupting it into a failure. What was still queued is not locked yet:
        // the sweep takes it (here after a restart, or on another node).
        handedOn.shutdown();
        try {
            if (!handedOn.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("assistant: stopped with work still running; its tasks wait for their lock to expire");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handedOn.shutdownNow();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /**
     * The work the step just opened, once it has committed. The built-in assistant writes at once, so the
     * pod finds its brief with its task; a model may take seconds, so its work goes to a thread of its own
     * and never holds up the request or job that committed. Without a transaction (nothing committed yet)
     * nothing happens here: the sweep takes it.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void workRequested(AssistantWorkRequested request) {
        if (!properties.inProcess() || mode == Mode.DOWN) {
            return;
        }
        Runnable work = () -> take(request.topic(), 1, request.loopId().toString());
        if (model != null) {
            modelThread.execute(work);
        } else if (WORKING.get()) {
            work.run(); // what the work itself committed asks for more (the next iteration's brief)
        } else if (inPlace.tryAcquire()) {
            try {
                working(work);
            } finally {
                inPlace.release();
            }
        } else {
            handedOn.execute(() -> working(work));
        }
    }

    private static void working(Runnable work) {
        WORKING.set(true);
        try {
            work.run();
        } finally {
            WORKING.set(false);
        }
    }

    /** Anything still waiting (a node stopped between a step's commit and the work). */
    @Scheduled(
            fixedDelayString = "${podloop.assistant.sweep-every:PT30S}",
            initialDelayString = "${podloop.assistant.sweep-every:PT30S}")
    void sweep() {
        if (!properties.inProcess() || mode == Mode.DOWN) {
            return;
        }
        TOPICS.forEach(topic -> take(topic, 10, null));
    }

    /**
     * Fetches and locks in a short transaction of its own (so the lock holds for every node at once),
     * writes each draft outside any transaction, and completes or reports each task in a transaction of
     * its own: one task's failure leaves the others' work standing.
     */
    private void take(String topic, int most, String loopId) {
        List<LockedExternalTask> locked;
        try {
            locked = separately.execute(status -> system.call(() -> {
                var fetch = externalTasks.fetchAndLock(most, WORKER_ID).topic(topic, lockMillis());
                return (loopId == null ? fetch : fetch.businessKey(loopId)).execute();
            }));
        } catch (RuntimeException failed) {
            // the step that asked has committed; the sweep or the time-out takes it from here
            log.warn("assistant: could not take {} work now", topic, failed);
            return;
        }
        locked.forEach(this::work);
    }

    private void work(LockedExternalTask task) {
        boolean brief = ProcessIds.TOPIC_BRIEF.equals(task.getTopicName());
        Map<String, Object> variables;
        try {
            if (mode == Mode.FAILING) {
                throw new IllegalStateException("the assistant failed (as the test asked)");
            }
            Draft draft = write(task, brief);
            variables = new HashMap<>();
            variables.put(brief ? ProcessIds.VAR_ASSISTANT_BRIEF : ProcessIds.VAR_ASSISTANT_DEBRIEF, draft.text());
            variables.put(ProcessIds.VAR_ASSISTANT_WORKER, draft.worker());
            variables.put(ProcessIds.VAR_ASSISTANT_PROMPT_HASH, draft.promptHash());
        } catch (RuntimeException failed) {
            failed(task, failed);
            return;
        }
        try {
            separately.executeWithoutResult(
                    status -> system.run(() -> externalTasks.complete(task.getId(), WORKER_ID, variables)));
        } catch (RuntimeException failed) {
            failed(task, failed);
        }
    }

    /**
     * The assistant could not write: reported to the process as the error {@code ASSISTANT_FAILED}, which
     * carries the iteration on at once without it (the timeline says so). If even that fails (the task was
     * completed or timed out meanwhile), there is nothing left to do.
     */
    private void failed(LockedExternalTask task, RuntimeException failed) {
        log.warn(
                "assistant: the {} of process {} failed: {}",
                task.getTopicName(),
                task.getProcessInstanceId(),
                failed.getMessage());
        try {
            separately.executeWithoutResult(status -> system.run(() -> externalTasks.handleBpmnError(
                    task.getId(), WORKER_ID, ProcessIds.ERROR_ASSISTANT_FAILED, shortened(failed.getMessage()))));
        } catch (RuntimeException gone) {
            log.info(
                    "assistant: the {} of process {} is no longer open",
                    task.getTopicName(),
                    task.getProcessInstanceId());
        }
    }

    private Draft write(LockedExternalTask task, boolean brief) {
        PodTasks.TaskForm facts = tasks.factsFor(
                        task.getProcessInstanceId(), brief ? PodTasks.TaskKind.CHOOSE : PodTasks.TaskKind.DECIDE)
                .orElseThrow(() -> new IllegalStateException("no loop iteration runs in this process instance"));
        String outcome = String.valueOf(task.getVariables().get(ProcessIds.VAR_VERIFICATION_OUTCOME));
        boolean exhausted = Boolean.TRUE.equals(task.getVariables().get(ProcessIds.VAR_ITERATIONS_EXHAUSTED));
        ModelAssistant words = model;
        Draft draft;
        if (words == null) {
            draft = brief ? builtIn.brief(facts) : builtIn.debrief(facts, outcome, exhausted, true);
        } else if (brief) {
            draft = words.brief(
                    builtIn.brief(facts),
                    facts.options().isEmpty() ? null : facts.options().get(0).title());
        } else {
            // the pod's notes are its own words, and may name people: they stay out of what a model is sent
            Draft withoutNotes = builtIn.debrief(facts, outcome, exhausted, false);
            draft = words.debrief(withoutNotes);
            if (draft.worker().startsWith(BuiltInAssistant.WORKER)) {
                draft = new Draft(
                        builtIn.debrief(facts, outcome, exhausted, true).text(), draft.worker(), draft.promptHash());
            }
        }
        String text = draft.text();
        return text.length() <= properties.maxChars()
                ? draft
                : new Draft(text.substring(0, properties.maxChars() - 1) + "…", draft.worker(), draft.promptHash());
    }

    private long lockMillis() {
        return properties.timeout().toMillis();
    }

    private static String shortened(String message) {
        String text = message == null ? "failed" : message;
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
