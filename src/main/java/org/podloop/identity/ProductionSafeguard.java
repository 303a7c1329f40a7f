package org.podloop.identity;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a production profile ({@code postgres}) that would be open to anyone who read the
 * README: without an administrator password from the environment, or with the demo users; and any
 * start without demo users and without an administrator password. Runs before any bean, so nothing
 * touches the database first; {@link Report} prints the reason without a stack trace.
 */
class ProductionSafeguard implements EnvironmentPostProcessor {

    static final String PRODUCTION_PROFILE = "postgres";

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
        boolean noAdminPassword = binder.bind("podloop.admin.password", String.class).map(String::isBlank).orElse(true);
        if (!Arrays.asList(environment.getActiveProfiles()).contains(PRODUCTION_PROFILE)) {
            // demo users are on by default only on H2 (DemoData); without them and without an administrator
            // nobody could administer Podloop, and Camunda's first-administrator page would be open to anyone
            boolean demo = binder.bind("podloop.demo.enabled", Boolean.class)
                    .orElseGet(() -> binder.bind("spring.datasource.url", String.class).map(url -> url.startsWith("jdbc:h2:")).orElse(true));
            if (!demo && noAdminPassword) {
                throw new UnsafeConfigurationException("Podloop refuses to start without demo users and without an administrator"
                        + " password: nobody could administer it.", "Set PODLOOP_ADMIN_PASSWORD (and optionally PODLOOP_ADMIN_USER).");
            }
            return;
        }
        if (noAdminPassword) {
            throw new UnsafeConfigurationException("Podloop refuses to start with the '" + PRODUCTION_PROFILE
                    + "' profile without an administrator password.", "Set PODLOOP_ADMIN_PASSWORD (and optionally"
                    + " PODLOOP_ADMIN_USER, default 'admin') in the environment, e.g. from a secret.");
        }
        if (binder.bind("podloop.demo.enabled", Boolean.class).orElse(false)) {
            throw new UnsafeConfigurationException("Podloop refuses to start with the '" + PRODUCTION_PROFILE
                    + "' profile and the demo users, whose password 'demo' is in the README.",
                    "Remove podloop.demo.enabled=true (PODLOOP_DEMO_ENABLED).");
        }
    }

    static final class Report extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfigurationException cause) {
            return new FailureAnalysis(cause.problem, cause.action, cause);
        }
    }
}
