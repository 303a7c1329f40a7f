package org.podloop.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * One chain for the machine-facing APIs ({@code /api/**}, {@code /engine-rest/**}): stateless HTTP
 * Basic against Camunda's users, with the role rules of our API (README "Security"); on
 * {@code /engine-rest} the engine's own authorizations decide. The Camunda webapps ({@code /camunda/**})
 * keep their own session login and CSRF protection, so no Spring Security chain touches them.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identity, ObjectMapper json) throws Exception {
        return http
                // Path matchers, not MVC matchers: /engine-rest is served by Jersey, outside Spring MVC,
                // and an MVC matcher would silently leave it unprotected.
                .securityMatcher(new OrRequestMatcher(path(null, "/api/**"), path(null, "/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(HttpMethod.POST, "/api/rules/reload"), path(HttpMethod.POST, "/api/teams"))
                        .hasAuthority(Groups.ADMINS)
                        .requestMatchers(path(HttpMethod.POST, "/api/rules/backtest"))
                        .hasAnyAuthority(Groups.ADMINS, Groups.GOVERNANCE)
                        // nobody else deploys: administrators neither (the engine agrees, see AccessPolicy)
                        .requestMatchers(path(null, "/api/processes/**"))
                        .hasAuthority(Groups.PROCESS_OWNERS)
                        .requestMatchers(path(HttpMethod.POST, "/api/teams/*/snapshots"), path(HttpMethod.POST, "/api/snapshots/import"))
                        .hasAnyAuthority(Groups.ADMINS, Groups.SIGNAL_SOURCES)
                        // every other method (GET, and HEAD that Spring MVC answers from GET) on a team's snapshots
                        .requestMatchers(path(null, "/api/teams/{key}/snapshots"))
                        .access((authentication, request) -> new AuthorizationDecision(
                                TeamScope.of(authentication.get()).includes(request.getVariables().get("key"))))
                        .requestMatchers(path(null, "/api/audit/**"), path(null, "/api/loops/*/audit"), path(null, "/api/loops/*/audit.csv"))
                        .hasAnyAuthority(Groups.ADMINS, Groups.GOVERNANCE)
                        // the rest (catalogues, teams, loops scoped by TeamScope, engine-rest checked by the engine)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"podloop\"");
                    writeProblem(response, json, HttpStatus.UNAUTHORIZED, "authentication required: " + e.getMessage());
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        writeProblem(response, json, HttpStatus.FORBIDDEN, "your role does not allow this")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic auth sends no cookies a browser could replay, so CSRF tokens add nothing here.
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new EngineAuthenticationBridge(identity), BasicAuthenticationFilter.class)
                .build();
    }

    /**
     * The governance page: a browser session with form login (Spring Security's login page, CSRF on),
     * for governance and administrators only.
     */
    @Bean
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(new OrRequestMatcher(path(null, "/governance/**"), path(null, "/governance"),
                        path(null, "/login"), path(null, "/logout"), path(null, "/webjars/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(null, "/webjars/**")).permitAll()
                        .anyRequest().hasAnyAuthority(Groups.ADMINS, Groups.GOVERNANCE))
                .formLogin(form -> form.defaultSuccessUrl("/governance", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .build();
    }

    private static PathPatternRequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    private static void writeProblem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
