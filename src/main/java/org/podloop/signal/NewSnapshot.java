package org.podloop.signal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One measurement of a team as a client posts it: computed {@code signals} {metric: value} and/or raw
 * anonymous {@code surveys} {metric: [[answer per item] per respondent]}. Answers are scored and
 * dropped; only team-level aggregates are stored.
 */
public record NewSnapshot(
        String externalId,
        Instant measuredAt,
        Integer respondents,
        Map<String, Double> signals,
        Map<String, List<List<Double>>> surveys) {

    public NewSnapshot(String externalId, Instant measuredAt, Integer respondents, Map<String, Double> signals) {
        this(externalId, measuredAt, respondents, signals, null);
    }

    Map<String, Double> signalsOrEmpty() {
        return signals == null ? Map.of() : signals;
    }

    Map<String, List<List<Double>>> surveysOrEmpty() {
        return surveys == null ? Map.of() : surveys;
    }
}
