package org.podloop.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.podloop.common.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Paths that could confuse path matching ({@code //engine-rest}, {@code /engine-rest;x}, encoded slashes or
 * dots, control characters) are the client's mistake: 400 with problem JSON saying what to fix, before any
 * other filter reads them. Without this, some reach Spring's path parsing inside Camunda's REST servlet and
 * fail there with a 500, and those Spring Security's firewall refuses would be a 500 too.
 */
@Configuration
class RejectedRequests {

    private static final Pattern UNSAFE_PATH =
            Pattern.compile("//|;|%2[fF]|%2[eE]|%5[cC]|\\\\|\\p{Cntrl}|%[01][0-9a-fA-F]|%7[fF]");
    private static final String DETAIL = "path: the request path is not allowed (no empty segments such as //, no ';',"
            + " no encoded slashes, dots or control characters)";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unsafePaths(ObjectMapper json) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (UNSAFE_PATH.matcher(request.getRequestURI()).find()) {
                    refuse(response, json);
                } else {
                    chain.doFilter(request, response);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, rejected) -> refuse(response, json);
    }

    private static void refuse(HttpServletResponse response, ObjectMapper json) throws IOException {
        Problems.of(HttpStatus.BAD_REQUEST, "Invalid request path", DETAIL)
                .field("path")
                .writeTo(response, json);
    }
}
