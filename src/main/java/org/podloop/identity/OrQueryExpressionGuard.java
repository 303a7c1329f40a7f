package org.podloop.identity;

import java.lang.reflect.Field;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Camunda refuses expressions in ad-hoc and stored queries, but does not look inside the {@code orQueries}
 * of a task query, where an expression would still be evaluated with the engine's expression language.
 * This interceptor refuses such a query on every path: the REST API, the webapps' API, a filter saved or
 * run with an extending query. The filter commands keep their query in protected fields, read here by
 * reflection; it is the one place that knows that engine detail.
 */
class OrQueryExpressionGuard extends CommandInterceptor {

    private static final Field SAVED_FILTER =
            CommandFields.of(SaveFilterCmd.class, "filter", OrQueryExpressionGuard.class);
    private static final Field EXTENDING_QUERY =
            CommandFields.of(AbstractExecuteFilterCmd.class, "extendingQuery", OrQueryExpressionGuard.class);

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof TaskQueryImpl query) {
            refuseExpressionsIn(query);
        } else if (command instanceof SaveFilterCmd
                && CommandFields.read(SAVED_FILTER, command) instanceof Filter filter
                && filter.getQuery() instanceof TaskQueryImpl query) {
            refuseExpressionsIn(query);
        } else if (command instanceof AbstractExecuteFilterCmd
                && CommandFields.read(EXTENDING_QUERY, command) instanceof TaskQueryImpl query) {
            refuseExpressionsIn(query);
        }
        return next.execute(command);
    }

    private static void refuseExpressionsIn(TaskQueryImpl query) {
        List<TaskQueryImpl> alternatives = query.getQueries();
        for (TaskQueryImpl alternative : alternatives) {
            if (alternative != query && !alternative.getExpressions().isEmpty()) {
                throw new BadUserRequestException("Expressions are forbidden in task queries, also inside orQueries: "
                        + String.join(", ", alternative.getExpressions().keySet()));
            }
        }
    }
}
