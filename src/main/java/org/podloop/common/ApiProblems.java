package org.podloop.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The one error model of the API: every failure, ours or Spring MVC's, becomes RFC 7807 problem JSON. */
@RestControllerAdvice(basePackages = "org.podloop")
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return withField(problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage()), e.field());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    /** Malformed JSON or a value of the wrong type; Jackson knows the path of the bad field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        Throwable tooLarge = causeOfType(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            problem = withField(problem(HttpStatus.BAD_REQUEST, "Body too large", tooLarge.getMessage()), "body");
        } else if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPropertyName();
            problem = withField(problem(HttpStatus.BAD_REQUEST, "Invalid input", field + ": unknown field; known fields are "
                    + unknown.getKnownPropertyIds()), field);
        } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            problem = withField(problem(HttpStatus.BAD_REQUEST, "Invalid input",
                    field + ": " + mapping.getOriginalMessage()), field);
        } else {
            problem = withField(problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
                    "body: the request body is missing or not valid JSON"), "body");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return withField(problem(HttpStatus.BAD_REQUEST, "Invalid input",
                e.getName() + ": '" + e.getValue() + "' is not a valid value"), e.getName());
    }

    /** A body cut off by {@link RequestBodyLimit} outside Jackson (e.g. the CSV import) is refused the same way. */
    @ExceptionHandler(BodyTooLargeException.class)
    ProblemDetail bodyTooLarge(BodyTooLargeException e) {
        return withField(problem(HttpStatus.BAD_REQUEST, "Body too large", e.getMessage()), "body");
    }

    /** Anything unforeseen: problem JSON too, logged with its stack trace, without internals in the answer. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, jakarta.servlet.http.HttpServletRequest request) {
        org.slf4j.LoggerFactory.getLogger(ApiProblems.class).error("Unexpected failure of {} {}", request.getMethod(),
                request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the request failed unexpectedly; the failure is logged on the server");
    }

    static Throwable causeOfType(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static ProblemDetail withField(ProblemDetail problem, String field) {
        problem.setProperty("field", field);
        return problem;
    }
}
