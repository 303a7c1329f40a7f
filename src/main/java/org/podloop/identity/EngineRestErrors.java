package org.podloop.identity;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.podloop.common.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * {@code /engine-rest} answers in Camunda's documented error shape ({@code type}, {@code message}, {@code code}),
 * which Camunda Modeler and the webapps read, but with the statuses a client can act on: a lost race — two
 * people completing one task, a concurrent change — is 409, not 500; a refused variable format is 400; and
 * a database failure never shows its SQL (it is logged on the server); a refused authorization is 403 even
 * where a resource would call it a bad request.
 */
@Configuration
public class EngineRestErrors {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);
    private static final Pattern TASK_WORK = Pattern.compile("/task/([^/]+)/(complete|submit-form|resolve)$");
    /**
     * Variables the engine refuses as given: ENGINE-17006, a transient value for a stored variable or the other
     * way round; ENGINE-17007, a Java-serialized value (refused by configuration, see EngineHardening).
     */
    private static final Pattern REFUSED_VARIABLE = Pattern.compile("ENGINE-1700[67]");

    @Bean
    Statuses engineRestStatuses(SystemAccess system, HistoryService history, IdentityService identity) {
        return new Statuses(system, history, identity);
    }

    /**
     * Puts the mappings into every Jersey application of the server — {@code /engine-rest} and the webapps'
     * own APIs under {@code /camunda/api}, which the Tasklist completes tasks through — found by Jersey
     * through {@code META-INF/services}, since the webapps' applications are built by the servlet container.
     */
    public static final class InEveryJerseyApplication implements AutoDiscoverable {
        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(RestErrors.class)) {
                context.register(RestErrors.class).register(EngineErrors.class).register(UnexpectedErrors.class);
            }
        }
    }

    /**
     * One mapping for each exception type Camunda maps itself, both answered by {@link Statuses}; each
     * carries a priority above Camunda's own (annotations on this class are not inherited).
     */
    abstract static class Mapped<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        private ServletContext servletContext;

        @Override
        public Response toResponse(E exception) {
            return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
                    .getBean(Statuses.class)
                    .respond(exception);
        }
    }

    /** Camunda's REST resources wrap most engine failures into a RestException (of status 500, mostly). */
    @Priority(Priorities.USER - 100)
    static final class RestErrors extends Mapped<RestException> {}

    @Priority(Priorities.USER - 100)
    static final class EngineErrors extends Mapped<ProcessEngineException> {}

    /** What no Camunda mapper expects (Camunda's own maps it to 500 with the Java type and message). */
    @Priority(Priorities.USER - 100)
    static final class UnexpectedErrors extends Mapped<RuntimeException> {}

    record Statuses(SystemAccess system, HistoryService history, IdentityService identity) {

        private static final String ALREADY_COMPLETED =
                "This task was completed already, by someone else or an earlier request";

        Response respond(Throwable exception) {
            // some resources (comments, attachments) report a refused authorization as "Not enough parameters" (400)
            AuthorizationException refused = causeOf(exception, AuthorizationException.class);
            if (refused != null && completedUnderHands()) {
                return answer(exception, Response.Status.CONFLICT, ALREADY_COMPLETED);
            }
            if (refused != null && refused != exception) {
                return ExceptionHandlerHelper.getInstance().getResponse(refused);
            }
            if (causeOf(exception, OptimisticLockingException.class) != null) {
                return answer(
                        exception,
                        Response.Status.CONFLICT,
                        "Someone else changed this at the same moment, so nothing of yours was saved; reload and try again");
            }
            if (causeOf(exception, NullValueException.class) != null && taskAlreadyCompleted() != null) {
                return answer(exception, Response.Status.CONFLICT, ALREADY_COMPLETED);
            }
            if (DatabaseOutage.causedBy(exception)) {
                LOG.warn("An engine request answered 503: the database cannot be reached ({})", exception.toString());
                LOG.debug("The failure behind the 503", exception);
                return Response.fromResponse(answer(
                                exception, Response.Status.SERVICE_UNAVAILABLE, DatabaseOutage.detail(exception)))
                        .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
                        .build();
            }
            if (causeOf(exception, SQLException.class) != null
                    || causeOf(exception, PersistenceException.class) != null) {
                LOG.error("The database refused an engine request", exception);
                return answer(
                        exception,
                        Response.Status.INTERNAL_SERVER_ERROR,
                        "The database could not store this, so nothing was saved; the failure is logged on the server");
            }
            // a submission refused as bad input, which some REST resources (resolve, form variables) wrap as 500
            Throwable badInput = causeOf(exception, FormFieldValidationException.class) != null
                    ? causeOf(exception, FormFieldValidationException.class)
                    : causeOf(exception, BadUserRequestException.class);
            if (badInput != null) {
                return answer(exception, Response.Status.BAD_REQUEST, badInput.getMessage());
            }
            if (REFUSED_VARIABLE.matcher(String.valueOf(exception.getMessage())).find()) {
                return answer(exception, Response.Status.BAD_REQUEST, exception.getMessage());
            }
            Response camunda = ExceptionHandlerHelper.getInstance().getResponse(exception);
            if (camunda.getStatus() < 500) {
                return camunda;
            }
            // past the engine's own checks, a completion that read the task while another committed may trip anywhere
            if (taskAlreadyCompleted() != null) {
                return answer(exception, Response.Status.CONFLICT, ALREADY_COMPLETED);
            }
            LOG.error("An engine request failed", exception);
            return answer(
                    exception,
                    Response.Status.INTERNAL_SERVER_ERROR,
                    "Something went wrong on the server, so nothing was saved; the failure is logged there");
        }

        /** The id of the task this request works on, when that task is completed now; else null. */
        private String taskAlreadyCompleted() {
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
                return null;
            }
            HttpServletRequest request = attributes.getRequest();
            Matcher task = TASK_WORK.matcher(request.getRequestURI());
            return task.find()
                            && system.call(() -> history.createHistoricTaskInstanceQuery()
                                            .taskId(task.group(1))
                                            .finished()
                                            .count()
                                    > 0)
                    ? task.group(1)
                    : null;
        }

        /**
         * A completion that read the task just before another committed its completion finds the task's
         * candidate groups gone and is refused as unauthorized; for a member of those groups it lost a race.
         */
        private boolean completedUnderHands() {
            String taskId = taskAlreadyCompleted();
            Authentication caller = identity.getCurrentAuthentication();
            if (taskId == null || caller == null || caller.getGroupIds() == null) {
                return false;
            }
            return system.call(
                    () -> history
                            .createHistoricIdentityLinkLogQuery()
                            .taskId(taskId)
                            .type(IdentityLinkType.CANDIDATE)
                            .list()
                            .stream()
                            .anyMatch(link -> caller.getGroupIds().contains(link.getGroupId())));
        }

        private static Response answer(Throwable exception, Response.Status status, String message) {
            // Camunda's shape, but a type a client can act on, never what broke inside (an authorization that
            // lost a race, a NullPointerException) and never the details that came with it
            boolean camundas = exception instanceof ProcessEngineException || exception instanceof RestException;
            ExceptionDto body = camundas && !(exception instanceof AuthorizationException)
                    ? ExceptionHandlerHelper.getInstance().fromException(exception)
                    : new ExceptionDto();
            if (body.getType() == null) {
                body.setType(
                        status == Response.Status.CONFLICT
                                ? OptimisticLockingException.class.getSimpleName()
                                : "ServerError");
            }
            body.setMessage(message);
            return Response.status(status)
                    .entity(body)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
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
