package org.podloop.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one error model of the API: every failure, ours or Spring MVC's, becomes RFC 7807 problem JSON
 * with a message in words (no SQL, no Java types). Failures of requests that no Podloop controller
 * took reach it through {@link ApiErrorFallback}.
 */
@RestControllerAdvice(basePackages = "org.podloop")
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    private final LostRaces lostRaces;

    ApiProblems(LostRaces lostRaces) {
        this.lostRaces = lostRaces;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage())
                .field(e.field())
                .build();
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage()).build();
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage()).build();
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "Conflict", e.getMessage()).build();
    }

    /** Malformed JSON or a value of the wrong type; Jackson knows the path of the bad field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        Throwable tooLarge = causeOfType(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            problem = RequestBodyLimit.refusal(tooLarge.getMessage()).build();
        } else if (e.getCause() instanceof JsonMappingException mapping) {
            problem = invalidInput(JsonInputErrors.of(mapping));
        } else {
            problem = Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "Malformed JSON",
                            "body: the request body is missing or not valid JSON")
                    .field("body")
                    .build();
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(
                e,
                Problems.of(
                                status,
                                "Not found",
                                e.getHttpMethod() + " /" + e.getResourcePath()
                                        + ": no such endpoint (README, \"HTTP API\")")
                        .build(),
                headers,
                status,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String allowed = e.getSupportedMethods() == null
                ? "none"
                : Arrays.stream(e.getSupportedMethods()).sorted().collect(Collectors.joining(", "));
        return handleExceptionInternal(
                e,
                Problems.of(status, "Method not allowed", e.getMethod() + " is not supported here; allowed: " + allowed)
                        .build(),
                headers,
                status,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = e.getContentType() == null ? "a body without Content-Type" : "Content-Type " + e.getContentType();
        return handleExceptionInternal(
                e,
                Problems.of(
                                status,
                                "Unsupported media type",
                                sent + " is not supported here; send " + MediaType.toString(e.getSupportedMediaTypes()))
                        .build(),
                headers,
                status,
                request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "Invalid input",
                        e.getName() + ": '" + e.getValue() + "' is not a valid value")
                .field(e.getName())
                .build();
    }

    /** A body cut off by {@link RequestBodyLimit} outside Jackson (e.g. the CSV import) is refused the same way. */
    @ExceptionHandler(BodyTooLargeException.class)
    ProblemDetail bodyTooLarge(BodyTooLargeException e) {
        return RequestBodyLimit.refusal(e.getMessage()).build();
    }

    /**
     * The loser of a race for the same rows (a unique key, a version, a lock wait): its transaction
     * rolled back whole, so nothing of the request was stored, and a retry sees the winner's result.
     */
    @ExceptionHandler({DataIntegrityViolationException.class, ConcurrencyFailureException.class})
    ProblemDetail lostRace(Exception e, HttpServletRequest request) {
        LOG.info("{} {} lost a race for the same data: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return Problems.of(
                        HttpStatus.CONFLICT,
                        "Conflict",
                        "a concurrent request changed the same data first; nothing of"
                                + " this request was stored; retry to see the current state")
                .build();
    }

    /** Anything unforeseen: problem JSON too, logged with its stack trace, without internals in the answer. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseOutage.causedBy(e)) {
            return unavailable(e, request);
        }
        if (lostRaces.causedBy(e)) {
            // wrapped, e.g. by the engine writing a pod's group
            return ResponseEntity.status(HttpStatus.CONFLICT).body(lostRace(e, request));
        }
        LOG.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError().body(internalError());
    }

    /** The database is out of reach: 503, to be sent again; logged without a stack trace (it is not a bug). */
    private static ResponseEntity<ProblemDetail> unavailable(Throwable e, HttpServletRequest request) {
        LOG.warn(
                "{} {} answered 503: the database cannot be reached ({})",
                request.getMethod(),
                request.getRequestURI(),
                e.toString());
        LOG.debug("The failure behind the 503", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                .body(DatabaseOutage.problem(e));
    }

    /**
     * The answer for a failure that reached Spring Boot's {@code /error} on an {@code /api} path
     * ({@link ApiErrorFallback}): Spring MVC's own refusals (404, 405, 415, ...) through the handlers
     * above, anything else (a filter's or the servlet container's refusal) by its status alone.
     */
    ResponseEntity<Object> unanswered(Throwable failure, HttpStatus status, WebRequest request) {
        if (failure != null && DatabaseOutage.causedBy(failure)) {
            // e.g. the password check of a filter, before any controller
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                    .body(DatabaseOutage.problem(failure));
        }
        if (failure instanceof Exception e) {
            try {
                ResponseEntity<Object> answer = handleException(e, request);
                if (answer != null) {
                    return answer;
                }
            } catch (Exception notSpringMvcs) {
                // handleException throws back what is not one of Spring MVC's exceptions
            }
        }
        ProblemDetail problem = status.is5xxServerError()
                ? internalError()
                : Problems.of(status, status.getReasonPhrase(), "the request was refused")
                        .build();
        return ResponseEntity.status(status).body(problem);
    }

    private static ProblemDetail internalError() {
        return Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal error",
                        "the request failed unexpectedly; the failure is logged on the server")
                .build();
    }

    static Throwable causeOfType(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
