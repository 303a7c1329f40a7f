package org.podloop.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The one way an error answer is built: RFC 7807 problem JSON with a status, a title, a detail in words
 * and, for bad input, the {@code field} at fault. Controllers and advice return {@link #build()}; filters
 * and Spring Security's handlers, which answer before Spring MVC, {@link #writeTo write} it themselves.
 */
public final class Problems {

    private final ProblemDetail problem;

    private Problems(ProblemDetail problem) {
        this.problem = problem;
    }

    public static Problems of(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new Problems(problem);
    }

    /** The part of the request that is wrong ({@code body}, {@code path}, {@code signals.engagement}, ...). */
    public Problems field(String field) {
        return property("field", field);
    }

    /** A further member of the answer, after those set before it. */
    public Problems property(String name, Object value) {
        problem.setProperty(name, value);
        return this;
    }

    public ProblemDetail build() {
        return problem;
    }

    /** Answers with this problem directly, for code that runs outside Spring MVC (a filter, an entry point). */
    public void writeTo(HttpServletResponse response, ObjectMapper json) throws IOException {
        write(response, HttpStatusCode.valueOf(problem.getStatus()), problem, json);
    }

    /** Also for a problem already turned into another shape (Spring Boot's error controller keeps maps). */
    static void write(HttpServletResponse response, HttpStatusCode status, Object body, ObjectMapper json)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
