package org.podloop.assistant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** The work the step just opened, once it has committed (in a transaction of its own). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void workRequested(AssistantWorkRequested request) {
        if (!properties.inProcess() || mode == Mode.DOWN) {
            return;
        }
        try {
            separately.executeWithoutResult(status -> system.run(() -> externalTasks
                    .fetchAndLock(1, WORKER_ID)
                    .topic(request.topic(), lockMillis())
                    .businessKey(request.loopId().toString())
                    .execute()
                    .forEach(this::work)));
        } catch (RuntimeException failed) {
            // the step that asked has committed; the sweep or the time-out takes it from here
            log.warn("assistant: could not take the {} of loop {} now", request.topic(), request.loopId(), failed);
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
        for (String topic : TOPICS) {
            try {
                separately.executeWithoutResult(status -> system.run(() -> externalTasks
                        .fetchAndLock(10, WORKER_ID)
                        .topic(topic, lockMillis())
                        .execute()
                        .forEach(this::work)));
            } catch (RuntimeException failed) {
                log.warn("assistant: the sweep for {} failed; it runs again", topic, failed);
            }
        }
    }

    private void work(LockedExternalTask task) {
        boolean brief = ProcessIds.TOPIC_BRIEF.equals(task.getTopicName());
        try {
            if (mode == Mode.FAILING) {
                throw new IllegalStateException("the assistant failed (as the test asked)");
            }
            Draft draft = write(task, brief);
            Map<String, Object> variables = new HashMap<>();
            variables.put(brief ? ProcessIds.VAR_ASSISTANT_BRIEF : ProcessIds.VAR_ASSISTANT_DEBRIEF, draft.text());
            variables.put(ProcessIds.VAR_ASSISTANT_WORKER, draft.worker());
            variables.put(ProcessIds.VAR_ASSISTANT_PROMPT_HASH, draft.promptHash());
            externalTasks.complete(task.getId(), WORKER_ID, variables);
        } catch (RuntimeException failed) {
            log.warn(
                    "assistant: the {} of process {} failed: {}",
                    task.getTopicName(),
                    task.getProcessInstanceId(),
                    failed.getMessage());
            // no retries left: an incident for operators; the iteration's time-out carries it on
            externalTasks.handleFailure(task.getId(), WORKER_ID, shortened(failed.getMessage()), 0, 0);
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
