package org.podloop.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.podloop.common.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * One chain for the machine-facing APIs ({@code /api/**}, {@code /engine-rest/**}): stateless HTTP
 * Basic against Camunda's users or an API token of a technical client, with the role rules of our API
 * (README "Security"); on {@code /engine-rest} the engine's own authorizations decide. One for the
 * actuator, one for the governance page. The Camunda webapps ({@code /camunda/**})
 * keep their own session login and CSRF protection, so no Spring Security chain touches them.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, IdentityService identity, ApiTokenService tokens, ObjectMapper json) throws Exception {
        return machineClients(http, tokens, json)
                // Path matchers, not MVC matchers: /engine-rest is served by Jersey, outside Spring MVC,
                // and an MVC matcher would silently leave it unprotected.
                .securityMatcher(new OrRequestMatcher(path(null, "/api/**"), path(null, "/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        // administrators with their password: a token never manages tokens, so a leaked one
                        // can neither mint others nor outlive its revocation
                        .requestMatchers(path(null, "/api/tokens"), path(null, "/api/tokens/**"))
                        .access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(Groups.ADMINS),
                                (authentication, request) -> new AuthorizationDecision(
                                        !(authentication.get() instanceof ApiTokenAuthentication))))
                        .requestMatchers(
                                path(HttpMethod.POST, "/api/rules/reload"), path(HttpMethod.POST, "/api/teams"))
                        .hasAuthority(Groups.ADMINS)
                        // a person's own settings are hers, with her password: an API token (a technical
                        // client) neither reads nor changes them
                        .requestMatchers(path(null, "/api/me/**"))
                        .access(AuthorizationManagers.allOf(
                                AuthenticatedAuthorizationManager.authenticated(),
                                (authentication, request) -> new AuthorizationDecision(
                                        !(authentication.get() instanceof ApiTokenAuthentication))))
                        // a team's chat webhooks are secrets of its workspace: administrators only
                        .requestMatchers(path(null, "/api/teams/*/chat-webhooks"))
                        .hasAuthority(Groups.ADMINS)
                        .requestMatchers(path(HttpMethod.POST, "/api/rules/backtest"))
                        .hasAnyAuthority(Groups.ADMINS, Groups.GOVERNANCE)
                        // nobody else deploys: administrators neither (the engine agrees, see AccessPolicy)
                        .requestMatchers(path(null, "/api/processes/**"))
                        .hasAuthority(Groups.PROCESS_OWNERS)
                        .requestMatchers(
                                path(HttpMethod.POST, "/api/teams/*/snapshots"),
                                path(HttpMethod.POST, "/api/teams/*/work-imports"),
                                path(HttpMethod.POST, "/api/snapshots/import"))
                        .hasAnyAuthority(Groups.ADMINS, Groups.SIGNAL_SOURCES)
                        // a team's pulse rounds are opened, and its cadence set, by its pod or an administrator;
                        // answering and reading
                        // (/api/pulses/**) are checked against the round's team by the pulse module
                        .requestMatchers(
                                path(HttpMethod.POST, "/api/teams/{key}/pulses"),
                                path(HttpMethod.PATCH, "/api/teams/{key}"),
                                path(null, "/api/teams/{key}/pulse-cadence"))
                        .access((authentication, request) -> new AuthorizationDecision(inPodOrAdmin(
                                authentication.get(), request.getVariables().get("key"))))
                        // every other method (GET, and HEAD that Spring MVC answers from GET) on a team's snapshots
                        .requestMatchers(path(null, "/api/teams/{key}/snapshots"))
                        .access((authentication, request) ->
                                new AuthorizationDecision(TeamScope.of(authentication.get())
                                        .includes(request.getVariables().get("key"))))
                        .requestMatchers(
                                path(null, "/api/audit/**"),
                                path(null, "/api/loops/*/audit"),
                                path(null, "/api/loops/*/audit.csv"))
                        .hasAnyAuthority(Groups.ADMINS, Groups.GOVERNANCE)
                        // the rest (catalogues, teams, loops scoped by TeamScope, engine-rest checked by the engine)
                        .anyRequest()
                        .authenticated())
                .addFilterAfter(new EngineAuthenticationBridge(identity), BasicAuthenticationFilter.class)
                .build();
    }

    private static boolean inPodOrAdmin(Authentication authentication, String team) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(group -> group.equals(Groups.ADMINS) || group.equals(Groups.pod(team)));
    }

    /**
     * The actuator: Kubernetes' probes ask without credentials and get UP or DOWN only (no details), so
     * health stays open; metrics (backlogs, counts per pattern, the ruleset version) are for operators:
     * administrators, and the {@code monitoring} group whose members scrape with an API token.
     */
    @Bean
    SecurityFilterChain actuatorSecurity(HttpSecurity http, ApiTokenService tokens, ObjectMapper json)
            throws Exception {
        return machineClients(http, tokens, json)
                .securityMatcher(path(null, "/actuator/**"))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                path(null, "/actuator/health"), path(null, "/actuator/health/**"))
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority(Groups.ADMINS, Groups.MONITORING))
                .build();
    }

    /**
     * What every machine-facing chain shares: an API token ({@code Authorization: Bearer}) or HTTP Basic,
     * stateless, and problem JSON for 401 and 403.
     */
    private static HttpSecurity machineClients(HttpSecurity http, ApiTokenService tokens, ObjectMapper json)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"podloop\"");
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"podloop\"");
            refusal(HttpStatus.UNAUTHORIZED, "authentication required: " + e.getMessage())
                    .writeTo(response, json);
        };
        return http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .addFilterBefore(new ApiTokenFilter(tokens, unauthenticated), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(
                                (request, response, e) -> refusal(HttpStatus.FORBIDDEN, "your role does not allow this")
                                        .writeTo(response, json)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless token and Basic auth send no cookies a browser could replay, so CSRF tokens add nothing
                // here.
                .csrf(csrf -> csrf.disable());
    }

    /**
     * The pages: a browser session with form login (Podloop's login page at {@code /login}, CSRF on). The
     * governance page is for governance and administrators only; the pulse pages for anyone signed in.
     */
    @Bean
    SecurityFilterChain pageSecurity(HttpSecurity http, IdentityService identity) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(
                        path(null, "/governance/**"),
                        path(null, "/governance"),
                        path(null, "/pulse/**"),
                        path(null, "/pulse"),
                        path(null, "/tasks/**"),
                        path(null, "/teams/**"),
                        path(null, "/notifications"),
                        path(null, "/"),
                        path(null, "/login"),
                        path(null, "/logout"),
                        path(null, "/assets/**"),
                        path(null, "/webjars/**")))
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(path(null, "/webjars/**"), path(null, "/assets/**"))
                                .permitAll()
                                // every signed-in person may open the start, pulse, task, team and notification pages;
                                // the services
                                // refuse another team's round, task or data
                                .requestMatchers(
                                        path(null, "/pulse/**"),
                                        path(null, "/pulse"),
                                        path(null, "/tasks/**"),
                                        path(null, "/teams/**"),
                                        path(null, "/notifications"),
                                        path(null, "/"))
                                .authenticated()
                                .anyRequest()
                                .hasAnyAuthority(Groups.ADMINS, Groups.GOVERNANCE))
                .formLogin(form ->
                        form.loginPage("/login").successHandler(landingPage()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // the pages call the modules as the signed-in person, as the API does
                .addFilterAfter(new EngineAuthenticationBridge(identity), AnonymousAuthenticationFilter.class)
                .build();
    }

    /** After login: the page asked for, else the start page, which shows each person what she can do. */
    private static SavedRequestAwareAuthenticationSuccessHandler landingPage() {
        SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler();
        landing.setDefaultTargetUrl("/");
        return landing;
    }

    private static PathPatternRequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    private static Problems refusal(HttpStatus status, String detail) {
        return Problems.of(status, status.getReasonPhrase(), detail);
    }
}
