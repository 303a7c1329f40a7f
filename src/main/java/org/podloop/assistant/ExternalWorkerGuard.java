package org.podloop.assistant;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ExtendLockOnExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.LockExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockExternalTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.externaltask.TopicFetchInstruction;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExternalTaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.podloop.identity.Groups;
import org.podloop.loop.ProcessIds;
import org.springframework.util.ReflectionUtils;

/**
 * Camunda's authorizations cannot be narrowed to topics or to the external-task commands: the grants that
 * let a {@code pod-assistants} client fetch and complete (READ_INSTANCE and UPDATE_INSTANCE on the
 * iteration process, see AccessPolicy) would also let it read the instances' variables, change them, move
 * tokens or correlate messages. So, for a member of {@code pod-assistants} (who is no administrator), the
 * engine runs only these commands on its own: fetch and lock on the assistant's topics; complete, report
 * a failure, extend, lock or unlock an external task of those topics; on completion (or failure) it may
 * set only its topic's text ({@code podloop.assistant.max-chars}, 3500 characters by default), the worker's name
 * and the prompt hash. Anything else — a user task, a variable, the history, another topic — is refused
 * as unauthorized (403); a variable it may not set is bad input (400). Nested commands (the engine's own,
 * the listeners') and Podloop's own calls ({@code SystemAccess}) are not the client's requests and pass.
 * The commands keep topic, task id and variables in protected fields, read here by reflection; a Camunda
 * upgrade that renames one fails at start.
 */
class ExternalWorkerGuard extends CommandInterceptor {

    static final Set<String> TOPICS = Set.of(ProcessIds.TOPIC_BRIEF, ProcessIds.TOPIC_DEBRIEF);
    /** The variables a worker is given: the team-level facts the built-in assistant writes from too. */
    static final List<String> FETCHABLE = List.of(
            ProcessIds.VAR_TEAM_KEY,
            ProcessIds.VAR_ITERATION,
            ProcessIds.VAR_FINDING_SUMMARY,
            ProcessIds.VAR_RECOMMENDATION_SUMMARY,
            ProcessIds.VAR_INTERVENTION_ID,
            ProcessIds.VAR_VERIFICATION_OUTCOME,
            ProcessIds.VAR_VERIFICATION_SUMMARY,
            ProcessIds.VAR_ITERATIONS_EXHAUSTED);

    private static final int MAX_NAME = 200;
    private static final String ONLY =
            "the pod-assistants role may only fetch, lock and complete the assistant's external tasks (topics "
                    + ProcessIds.TOPIC_BRIEF + ", " + ProcessIds.TOPIC_DEBRIEF + ")";

    private static final Field FETCH_INSTRUCTIONS = field(FetchExternalTasksCmd.class, "fetchInstructions");
    private static final Field EXTERNAL_TASK_ID = field(ExternalTaskCmd.class, "externalTaskId");
    private static final Field COMPLETE_VARIABLES = field(CompleteExternalTaskCmd.class, "variables");
    private static final Field COMPLETE_LOCAL_VARIABLES = field(CompleteExternalTaskCmd.class, "localVariables");
    private static final Field FAILURE_VARIABLES = field(HandleExternalTaskFailureCmd.class, "variables");
    private static final Field FAILURE_LOCAL_VARIABLES = field(HandleExternalTaskFailureCmd.class, "localVariables");
    private static final List<Class<?>> TASK_COMMANDS = List.of(
            CompleteExternalTaskCmd.class,
            HandleExternalTaskFailureCmd.class,
            ExtendLockOnExternalTaskCmd.class,
            LockExternalTaskCmd.class,
            UnlockExternalTaskCmd.class);

    /** How deep in engine commands this thread is: only the outermost is the client's request. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final int maxText;

    ExternalWorkerGuard(int maxText) {
        this.maxText = maxText;
    }

    @Override
    public <T> T execute(Command<T> command) {
        int[] depth = DEPTH.get();
        if (depth[0] == 0) {
            CommandContext context = Context.getCommandContext();
            if (context != null && context.isAuthorizationCheckEnabled() && restricted(context.getAuthentication())) {
                check(context, command);
            }
        }
        depth[0]++;
        try {
            return next.execute(command);
        } finally {
            depth[0]--;
            if (depth[0] == 0) {
                DEPTH.remove();
            }
        }
    }

    /** A member of pod-assistants, unless an administrator (who may do everything anyway). */
    private static boolean restricted(Authentication authentication) {
        List<String> groups = authentication == null ? null : authentication.getGroupIds();
        return groups != null && groups.contains(Groups.POD_ASSISTANTS) && !groups.contains(Groups.ADMINS);
    }

    private void check(CommandContext context, Command<?> command) {
        if (!command.getClass().getName().startsWith("org.camunda.bpm.")) {
            // Podloop's own engine calls (SystemAccess), made after its API decided the caller may trigger them
            return;
        }
        if (command instanceof FetchExternalTasksCmd) {
            Map<?, ?> instructions = (Map<?, ?>) ReflectionUtils.getField(FETCH_INSTRUCTIONS, command);
            for (Map.Entry<?, ?> topic : instructions == null ? Set.<Map.Entry<?, ?>>of() : instructions.entrySet()) {
                if (!TOPICS.contains(topic.getKey())) {
                    throw new AuthorizationException(ONLY + "; not topic '" + topic.getKey() + "'");
                }
                // the team-level facts only: never the pod's own free text (notes, arrangements), which may name people
                if (topic.getValue() instanceof TopicFetchInstruction instruction) {
                    List<String> asked = instruction.getVariablesToFetch();
                    instruction.setVariablesToFetch(
                            asked == null
                                    ? FETCHABLE
                                    : asked.stream().filter(FETCHABLE::contains).toList());
                }
            }
            return;
        }
        if (TASK_COMMANDS.stream().noneMatch(type -> type.isInstance(command))) {
            throw new AuthorizationException(ONLY + "; not " + describe(command));
        }
        String id = (String) ReflectionUtils.getField(EXTERNAL_TASK_ID, command);
        ExternalTaskEntity task =
                id == null ? null : context.getExternalTaskManager().findExternalTaskById(id);
        if (task == null) {
            // the command itself answers that it does not exist
            return;
        }
        if (!TOPICS.contains(task.getTopicName())) {
            throw new AuthorizationException(ONLY + "; not an external task of topic '" + task.getTopicName() + "'");
        }
        if (command instanceof CompleteExternalTaskCmd) {
            checkVariables(task.getTopicName(), COMPLETE_VARIABLES, COMPLETE_LOCAL_VARIABLES, command);
        } else if (command instanceof HandleExternalTaskFailureCmd) {
            // a failure writes no draft: only a completion does, and that is what the timeline records
            for (Field field : List.of(FAILURE_VARIABLES, FAILURE_LOCAL_VARIABLES)) {
                Map<?, ?> given = (Map<?, ?>) ReflectionUtils.getField(field, command);
                if (given != null && !given.isEmpty()) {
                    throw refused(
                            String.valueOf(given.keySet().iterator().next()), "a failure report sets no variables");
                }
            }
        }
    }

    private void checkVariables(String topic, Field variables, Field localVariables, Command<?> command) {
        String text = ProcessIds.TOPIC_BRIEF.equals(topic)
                ? ProcessIds.VAR_ASSISTANT_BRIEF
                : ProcessIds.VAR_ASSISTANT_DEBRIEF;
        boolean written = false;
        for (Field field : List.of(variables, localVariables)) {
            Map<?, ?> given = (Map<?, ?>) ReflectionUtils.getField(field, command);
            if (given == null) {
                continue;
            }
            written |= given.containsKey(text);
            for (Map.Entry<?, ?> variable : given.entrySet()) {
                String name = String.valueOf(variable.getKey());
                Object value = variable.getValue() instanceof TypedValue typed ? typed.getValue() : variable.getValue();
                if (name.equals(text)) {
                    requireText(name, value, maxText);
                } else if (name.equals(ProcessIds.VAR_ASSISTANT_WORKER)
                        || name.equals(ProcessIds.VAR_ASSISTANT_PROMPT_HASH)) {
                    requireText(name, value, MAX_NAME);
                } else {
                    throw refused(
                            name,
                            "an assistant worker sets only " + text + ", " + ProcessIds.VAR_ASSISTANT_WORKER + " and "
                                    + ProcessIds.VAR_ASSISTANT_PROMPT_HASH + " on the " + topic + " topic");
                }
            }
        }
        if (!written) {
            throw refused(text, "is required: the completion of the " + topic + " topic is its text");
        }
    }

    private static void requireText(String name, Object value, int max) {
        if (!(value instanceof String text)) {
            throw refused(name, "must be text (a String variable)");
        }
        if (text.length() > max) {
            throw refused(name, "must be " + max + " characters at most (" + text.length() + ")");
        }
    }

    /** Bad input (400), which the engine expects and so does not log as its own failure. */
    private static BadUserRequestException refused(String variable, String reason) {
        return new BadUserRequestException(variable + ": " + reason);
    }

    private static String describe(Command<?> command) {
        String name = command.getClass().getSimpleName();
        return name.isEmpty() ? "this engine request" : name;
    }

    private static Field field(Class<?> command, String name) {
        Field field = ReflectionUtils.findField(command, name);
        if (field == null) {
            throw new IllegalStateException("this Camunda version has no " + command.getSimpleName() + "." + name
                    + "; check ExternalWorkerGuard against the engine's external-task commands");
        }
        ReflectionUtils.makeAccessible(field);
        return field;
    }
}
