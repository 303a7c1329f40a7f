package org.podloop.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine settings that keep people data and the engine safe on a network, in one place (the
 * switch {@code camunda.bpm.authorization.enabled} itself is in application.yaml).
 */
@Component
class EngineHardening extends AbstractProcessEnginePlugin {

    private final int queryMaxResults;

    EngineHardening(IdentityProperties properties) {
        this.queryMaxResults = properties.security().queryMaxResults();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Candidates may claim and complete a task (TASK_WORK), not rewrite it (UPDATE, Camunda's default).
        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
        // The grants the engine makes by itself: task access follows candidacy; nobody deletes herself.
        configuration.setResourceAuthorizationProvider(new PodloopAuthorizationProvider());
        // Variables hold ids and small JSON: no Java-serialized objects in, and none deserialized unchecked.
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        // A stored filter or an ad-hoc query (including its orQueries) may not evaluate expressions.
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(false);
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
        // Comments and attachments need the rights that working the task needs (Camunda checks none).
        configuration.setCustomPostCommandInterceptorsTxRequired(
                append(configuration.getCustomPostCommandInterceptorsTxRequired(), new TaskNotesNeedTaskWork()));
        // An authenticated query must page; the webapps page at 2000 at most.
        configuration.setQueryMaxResultsLimit(queryMaxResults);
        // Camunda's login lock (these are its defaults, stated so that they are a decision): after each
        // failed attempt the next is delayed 3, 6, 12 … up to 60 s; ten failures in a row lock the user.
        configuration.setLoginDelayBase(3);
        configuration.setLoginDelayFactor(2);
        configuration.setLoginDelayMaxTime(60);
        configuration.setLoginMaxAttempts(10);
    }

    private static List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors) {
        return append(interceptors, new OrQueryExpressionGuard());
    }

    private static List<CommandInterceptor> append(
            List<CommandInterceptor> interceptors, CommandInterceptor interceptor) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(interceptor);
        return all;
    }
}
