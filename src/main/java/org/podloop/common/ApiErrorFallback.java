package org.podloop.common;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's {@code /error}, where every failure ends that no Podloop controller answered: an
 * unknown path, a wrong method or content type (Spring MVC found no handler, so no controller
 * advice applies), a refusal by a filter or by the servlet container. For {@code /api/**} the
 * answer is built by {@link ApiProblems} like every other API error; pages keep Boot's error page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ApiErrorFallback extends BasicErrorController {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

    private final ErrorAttributes errorAttributes;
    private final ApiProblems problems;
    private final ObjectMapper json;

    ApiErrorFallback(
            ErrorAttributes errorAttributes,
            ServerProperties server,
            ObjectProvider<ErrorViewResolver> views,
            ApiProblems problems,
            ObjectMapper json) {
        super(errorAttributes, server.getError(), views.orderedStream().toList());
        this.errorAttributes = errorAttributes;
        this.problems = problems;
        this.json = json;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        return isApi(request) || outage(request) ? problem(request) : super.error(request);
    }

    /** A browser asking for an /api path gets the problem JSON too: the API speaks one format. */
    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!isApi(request)) {
            if (outage(request)) {
                // a page while the database is out of reach: the error page, as 503 (to be tried again), not 500
                request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.SERVICE_UNAVAILABLE.value());
            }
            return super.errorHtml(request, response);
        }
        ResponseEntity<Map<String, Object>> problem = problem(request);
        problem.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        try {
            Problems.write(response, problem.getStatusCode(), problem.getBody(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    /** The database out of reach before any controller (a password check): 503 on every JSON path, the engine's too. */
    private boolean outage(HttpServletRequest request) {
        Throwable failure = errorAttributes.getError(new ServletWebRequest(request));
        return failure != null && DatabaseOutage.causedBy(failure);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                && uri.startsWith("/api/");
    }

    private ResponseEntity<Map<String, Object>> problem(HttpServletRequest request) {
        ServletWebRequest webRequest = new ServletWebRequest(request);
        ResponseEntity<Object> answer =
                problems.unanswered(errorAttributes.getError(webRequest), getStatus(request), webRequest);
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.convertValue(answer.getBody(), FIELDS));
    }
}
