package org.podloop.loop.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.podloop.loop.ProcessIds;
import org.podloop.loop.TaskInputException;

/**
 * What every variable write must respect, checked once per engine command just before it is flushed, on
 * whatever path wrote the variable: text fits the engine's column ({@value #MAX_TEXT} characters; longer
 * would fail in the database, after the work was done), and the loop's control variables hold the loop's values.
 *
 * <p>The variables a loop runs on ({@code loopId}, {@code teamKey}, {@code iteration}, {@code baselineSnapshotId})
 * decide which pod gets the next task and what forms show, so in a loop's process instances they may only
 * ever hold what the loop itself says. Checked once per engine command, just before it is flushed, on
 * whatever path wrote them (task completion, resolve, form submission, the task and process-instance
 * variable endpoints, the webapps' API, a process owner's mapping): a value other than the loop's — of
 * another loop, team or type, or for a process instance no loop knows — refuses the whole command, as does
 * removing one from a running scope. Transient variables never reach the flush, so they are refused as they
 * are written (see {@link #guarding(HistoryLevel)}).
 */
public final class VariableWrites implements CommandContextListener {

    /** Camunda stores a string variable in a VARCHAR(4000) column on every database it supports. */
    public static final int MAX_TEXT = 4000;

    public static final Set<String> NAMES = Set.of(
            ProcessIds.VAR_LOOP_ID,
            ProcessIds.VAR_TEAM_KEY,
            ProcessIds.VAR_ITERATION,
            ProcessIds.VAR_BASELINE_SNAPSHOT_ID);

    private final ControlValues truth;

    VariableWrites(ControlValues truth) {
        this.truth = truth;
    }

    /** Registers the check with every command context (once: the context keeps each listener once). */
    CommandInterceptor interceptor() {
        VariableWrites check = this;
        return new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                Context.getCommandContext().registerCommandContextListener(check);
                return next.execute(command);
            }
        };
    }

    @Override
    public void onCommandContextClose(CommandContext context) {
        DbEntityCache cache = context.getDbEntityManager().getDbEntityCache();
        // one look-up per loop, however many of its variables the command wrote (a loop start writes all four)
        Map<String, Map<String, Object>> truthByBusinessKey = new HashMap<>();
        for (CachedDbEntity cached : cache.getCachedEntities()) {
            if (cached.getEntity() instanceof VariableInstanceEntity variable && written(cached)) {
                if (variable.getTextValue() != null && variable.getTextValue().length() > MAX_TEXT) {
                    throw refused(
                            variable.getName(),
                            "is longer than " + MAX_TEXT + " characters ("
                                    + variable.getTextValue().length() + ")");
                }
                if (NAMES.contains(variable.getName())) {
                    check(context, cache, cached, variable, truthByBusinessKey);
                }
            }
        }
    }

    @Override
    public void onCommandFailed(CommandContext context, Throwable cause) {}

    private void check(
            CommandContext context,
            DbEntityCache cache,
            CachedDbEntity cached,
            VariableInstanceEntity variable,
            Map<String, Map<String, Object>> truthByBusinessKey) {
        ExecutionEntity instance = context.getExecutionManager().findExecutionById(variable.getProcessInstanceId());
        if (instance == null || !LoopProcesses.isLoopProcess(instance)) {
            return;
        }
        if (deleted(cached.getEntityState())) {
            if (!scopeEnds(cache, variable)) {
                throw refused(variable.getName(), "belongs to the loop and may not be removed");
            }
            return;
        }
        Map<String, Object> expected = truthByBusinessKey.computeIfAbsent(
                String.valueOf(instance.getBusinessKey()),
                key -> truth.of(instance.getBusinessKey()).orElse(Map.of()));
        if (!Objects.equals(
                expected.get(variable.getName()), variable.getTypedValue(false).getValue())) {
            throw refused(variable.getName(), "belongs to the loop and may not be set or changed: Podloop sets it");
        }
    }

    private static boolean written(CachedDbEntity cached) {
        DbEntityState state = cached.getEntityState();
        return state == DbEntityState.TRANSIENT
                || state == DbEntityState.MERGED
                || deleted(state)
                || (state == DbEntityState.PERSISTENT && cached.isDirty());
    }

    private static boolean deleted(DbEntityState state) {
        return state == DbEntityState.DELETED_PERSISTENT || state == DbEntityState.DELETED_MERGED;
    }

    /** A variable goes with its scope: the task that completes, the execution or instance that ends. */
    private static boolean scopeEnds(DbEntityCache cache, VariableInstanceEntity variable) {
        if (variable.getTaskId() != null) {
            CachedDbEntity task = cache.getCachedEntity(TaskEntity.class, variable.getTaskId());
            return task == null || deleted(task.getEntityState());
        }
        CachedDbEntity execution = cache.getCachedEntity(ExecutionEntity.class, variable.getExecutionId());
        return execution == null
                || deleted(execution.getEntityState())
                || ((ExecutionEntity) execution.getEntity()).isEnded();
    }

    private static TaskInputException refused(String variable, String reason) {
        return new TaskInputException(variable, reason);
    }

    /** The engine's history level, unchanged, but refusing a transient control variable the moment it is written. */
    static HistoryLevel guarding(HistoryLevel level) {
        return new GuardedHistoryLevel(level);
    }

    private record GuardedHistoryLevel(HistoryLevel level) implements HistoryLevel {

        @Override
        public int getId() {
            return level.getId();
        }

        @Override
        public String getName() {
            return level.getName();
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            if (entity instanceof VariableInstanceEntity variable
                    && variable.isTransient()
                    && NAMES.contains(variable.getName())
                    && (eventType == HistoryEventTypes.VARIABLE_INSTANCE_CREATE
                            || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE)) {
                throw refused(
                        variable.getName(), "belongs to the loop and may not be set, not even as a transient variable");
            }
            return level.isHistoryEventProduced(eventType, entity);
        }

        @Override
        public String toString() {
            return level.getName() + " (guarding the loop's control variables)";
        }
    }
}
