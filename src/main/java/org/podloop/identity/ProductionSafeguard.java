package org.podloop.identity;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Refuses to start a production profile ({@code postgres}) that would be open to anyone who read the
 * README: without an administrator password from the environment, or with the demo users; and any
 * start without demo users and without an administrator password. It also settles the default of
 * {@code podloop.demo.enabled} (on only for H2), so the rule exists once. Runs before any bean, so nothing
 * touches the database first; {@link Report} prints the reason without a stack trace.
 */
class ProductionSafeguard implements EnvironmentPostProcessor {

    static final String PRODUCTION_PROFILE = "postgres";
    private static final String DEMO_ENABLED = "podloop.demo.enabled";

    static final class UnsafeConfigurationException extends IllegalStateException {

        private final String problem;
        private final String action;

        UnsafeConfigurationException(String problem, String action) {
            super(problem + " " + action);
            this.problem = problem;
            this.action = action;
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        // Demo users are on unless said otherwise only on the embedded H2 database; settled here, once,
        // for DemoData and for the checks below.
        boolean demo = binder.bind(DEMO_ENABLED, Boolean.class)
                .orElseGet(() -> binder.bind("spring.datasource.url", String.class)
                        .map(url -> url.startsWith("jdbc:h2:"))
                        .orElse(true));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("podloop-demo-default", Map.of(DEMO_ENABLED, demo)));
        boolean noAdminPassword = binder.bind("podloop.admin.password", String.class)
                .map(String::isBlank)
                .orElse(true);
        if (Arrays.asList(environment.getActiveProfiles()).contains(PRODUCTION_PROFILE)) {
            if (noAdminPassword) {
                throw new UnsafeConfigurationException(
                        "Podloop refuses to start with the '" + PRODUCTION_PROFILE
                                + "' profile without an administrator password.",
                        "Set PODLOOP_ADMIN_PASSWORD (and optionally"
                                + " PODLOOP_ADMIN_USER, default 'admin') in the environment, e.g. from a secret.");
            }
            if (demo) {
                throw new UnsafeConfigurationException(
                        "Podloop refuses to start with the '" + PRODUCTION_PROFILE
                                + "' profile and the demo users, whose password 'demo' is in the README.",
                        "Remove podloop.demo.enabled=true (PODLOOP_DEMO_ENABLED).");
            }
        } else if (!demo && noAdminPassword) {
            // nobody could administer Podloop, and Camunda's first-administrator page would be open to anyone
            throw new UnsafeConfigurationException(
                    "Podloop refuses to start without demo users and without an administrator"
                            + " password: nobody could administer it.",
                    "Set PODLOOP_ADMIN_PASSWORD (and optionally PODLOOP_ADMIN_USER).");
        }
    }

    static final class Report extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfigurationException cause) {
            return new FailureAnalysis(cause.problem, cause.action, cause);
        }
    }
}
