package org.podloop.worksignal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code podloop.work.*}: the fewest items a metric is derived from, the longest period one import covers,
 * and the pull connectors: Jira ({@code jira.base-url}, {@code jira.user} and {@code jira.token} from the
 * environment, the JQL per team) and GitHub ({@code github.base-url}, {@code github.token} from the
 * environment, the repository per team), each with how many full days a pull covers.
 */
@ConfigurationProperties("podloop.work")
record WorkProperties(
        @DefaultValue("5") int minItems,
        @DefaultValue("92") int longestPeriodDays,
        @DefaultValue Jira jira,
        @DefaultValue GitHub github) {

    /** {@code podloop.work.jira.*}; {@code teams} maps a team key to the JQL of its work. */
    record Jira(
            String baseUrl,
            String user,
            String token,
            @DefaultValue("14") int periodDays,
            Map<String, String> teams) {

        Jira {
            teams = teams == null ? Map.of() : Map.copyOf(teams);
            atLeastOneDay("podloop.work.jira.period-days", periodDays);
        }
    }

    /**
     * {@code podloop.work.github.*}; {@code teams} maps a team key to its repository ({@code owner/name});
     * {@code base-url} is {@code https://api.github.com}, or {@code https://HOST/api/v3} for GitHub Enterprise
     * Server.
     */
    record GitHub(
            @DefaultValue("https://api.github.com") String baseUrl,
            String token,
            @DefaultValue("14") int periodDays,
            Map<String, String> teams) {

        GitHub {
            teams = teams == null ? Map.of() : Map.copyOf(teams);
            atLeastOneDay("podloop.work.github.period-days", periodDays);
        }
    }

    /** A pull covers whole days; a period of none would be refused at every pull, so start-up refuses it once. */
    private static void atLeastOneDay(String property, int days) {
        if (days < 1) {
            throw new IllegalArgumentException(property + " must be at least 1 (days a pull covers), is " + days);
        }
    }
}
