package org.podloop.worksignal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code podloop.work.*}: the fewest items a metric is derived from, the longest period one import covers,
 * and the Jira pull connector ({@code jira.base-url}, {@code jira.user} and {@code jira.token} from the
 * environment, the JQL per team, how many full days each pull covers).
 */
@ConfigurationProperties("podloop.work")
record WorkProperties(
        @DefaultValue("5") int minItems,
        @DefaultValue("92") int longestPeriodDays,
        @DefaultValue Jira jira) {

    /** {@code podloop.work.jira.*}; {@code teams} maps a team key to the JQL of its work. */
    record Jira(
            String baseUrl,
            String user,
            String token,
            @DefaultValue("14") int periodDays,
            Map<String, String> teams) {

        Jira {
            teams = teams == null ? Map.of() : Map.copyOf(teams);
        }
    }
}
