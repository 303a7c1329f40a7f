package org.podloop.identity;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@code /engine-rest} answers in Camunda's documented error shape ({@code type}, {@code message}, {@code code}),
 * which Camunda Modeler and the webapps read, but with the statuses a client can act on: a lost race — two
 * people completing one task, a concurrent change — is 409, not 500; a refused variable format is 400; and
 * a database failure never shows its SQL (it is logged on the server); a refused authorization is 403 even
 * where a resource would call it a bad request.
 */
@Configuration
class EngineRestErrors {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);
    private static final Pattern TASK_WORK = Pattern.compile("/task/([^/]+)/(complete|submit-form|resolve)$");
    /**
     * Variables the engine refuses as given: ENGINE-17006, a transient value for a stored variable or the other
     * way round; ENGINE-17007, a Java-serialized value (refused by configuration, see EngineHardening).
     */
    private static final Pattern REFUSED_VARIABLE = Pattern.compile("ENGINE-1700[67]");

    @Bean
    ResourceConfigCustomizer engineRestStatuses(SystemAccess system, HistoryService history) {
        Statuses statuses = new Statuses(system, history);
        return config -> config.register(new RestErrors(statuses)).register(new EngineErrors(statuses));
    }

    /** Camunda's REST resources wrap most engine failures into a RestException of status 500. */
    @Priority(Priorities.USER - 100)
    static final class RestErrors implements ExceptionMapper<RestException> {
        private final Statuses statuses;

        RestErrors(Statuses statuses) {
            this.statuses = statuses;
        }

        @Override
        public Response toResponse(RestException exception) {
            return statuses.respond(exception);
        }
    }

    @Priority(Priorities.USER - 100)
    static final class EngineErrors implements ExceptionMapper<ProcessEngineException> {
        private final Statuses statuses;

        EngineErrors(Statuses statuses) {
            this.statuses = statuses;
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return statuses.respond(exception);
        }
    }

    record Statuses(SystemAccess system, HistoryService history) {

        Response respond(Throwable exception) {
            // some resources (comments, attachments) report a refused authorization as "Not enough parameters" (400)
            AuthorizationException refused = causeOf(exception, AuthorizationException.class);
            if (refused != null && refused != exception) {
                return ExceptionHandlerHelper.getInstance().getResponse(refused);
            }
            if (causeOf(exception, OptimisticLockingException.class) != null) {
                return answer(exception, Response.Status.CONFLICT,
                        "Someone else changed this at the same moment, so nothing of yours was saved; reload and try again");
            }
            if (causeOf(exception, NullValueException.class) != null && taskAlreadyCompleted()) {
                return answer(exception, Response.Status.CONFLICT, "This task was completed already, by someone else or an earlier request");
            }
            if (causeOf(exception, SQLException.class) != null || causeOf(exception, PersistenceException.class) != null) {
                LOG.error("The database refused an engine request", exception);
                return answer(exception, Response.Status.INTERNAL_SERVER_ERROR,
                        "The database could not store this, so nothing was saved; the failure is logged on the server");
            }
            // a submission refused as bad input, which some REST resources (resolve, form variables) wrap as 500
            Throwable badInput = causeOf(exception, FormFieldValidationException.class) != null
                    ? causeOf(exception, FormFieldValidationException.class) : causeOf(exception, BadUserRequestException.class);
            if (badInput != null) {
                return answer(exception, Response.Status.BAD_REQUEST, badInput.getMessage());
            }
            if (REFUSED_VARIABLE.matcher(String.valueOf(exception.getMessage())).find()) {
                return answer(exception, Response.Status.BAD_REQUEST, exception.getMessage());
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }

        private boolean taskAlreadyCompleted() {
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
                return false;
            }
            HttpServletRequest request = attributes.getRequest();
            Matcher task = TASK_WORK.matcher(request.getRequestURI());
            return task.find() && system.call(() -> history.createHistoricTaskInstanceQuery().taskId(task.group(1)).finished().count() > 0);
        }

        private static Response answer(Throwable exception, Response.Status status, String message) {
            ExceptionDto body = ExceptionHandlerHelper.getInstance().fromException(exception);
            body.setMessage(message);
            return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
        }

        private static <T extends Throwable> T causeOf(Throwable exception, Class<T> type) {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (type.isInstance(t)) {
                    return type.cast(t);
                }
            }
            return null;
        }
    }
}
