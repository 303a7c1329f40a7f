package org.podloop.signal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One measurement of a team as a client posts it: computed {@code signals} {metric: value} and/or raw
 * anonymous {@code surveys} {metric: [[answer per item] per respondent]}. Answers are scored and
 * dropped; only team-level aggregates are stored. Podloop's own collection (pulse rounds) hands in
 * {@code surveyTotals} instead, which is not part of the JSON a client may send; imports of work derive
 * their signals and hand in each one's {@code provenance} (also not part of a client's JSON: a client
 * cannot claim a source).
 */
public record NewSnapshot(
        String externalId,
        Instant measuredAt,
        Integer respondents,
        Map<String, Double> signals,
        Map<String, List<List<Double>>> surveys,
        @JsonIgnore Map<String, SurveyTotals> surveyTotals,
        @JsonIgnore Map<String, String> provenance) {

    public NewSnapshot(
            String externalId,
            Instant measuredAt,
            Integer respondents,
            Map<String, Double> signals,
            Map<String, List<List<Double>>> surveys,
            Map<String, SurveyTotals> surveyTotals) {
        this(externalId, measuredAt, respondents, signals, surveys, surveyTotals, null);
    }

    public NewSnapshot(String externalId, Instant measuredAt, Integer respondents, Map<String, Double> signals) {
        this(externalId, measuredAt, respondents, signals, null, null);
    }

    public NewSnapshot(
            String externalId,
            Instant measuredAt,
            Integer respondents,
            Map<String, Double> signals,
            Map<String, List<List<Double>>> surveys) {
        this(externalId, measuredAt, respondents, signals, surveys, null);
    }

    /** Derived signals, each with where it comes from. */
    public static NewSnapshot derived(
            String externalId,
            Instant measuredAt,
            int respondents,
            Map<String, Double> signals,
            Map<String, String> provenance) {
        return new NewSnapshot(externalId, measuredAt, respondents, signals, null, null, provenance);
    }

    /** A measurement of pre-aggregated survey results only. */
    public static NewSnapshot ofTotals(
            String externalId, Instant measuredAt, int respondents, Map<String, SurveyTotals> totals) {
        return new NewSnapshot(externalId, measuredAt, respondents, null, null, totals);
    }

    Map<String, Double> signalsOrEmpty() {
        return signals == null ? Map.of() : signals;
    }

    Map<String, List<List<Double>>> surveysOrEmpty() {
        return surveys == null ? Map.of() : surveys;
    }

    Map<String, String> provenanceOrEmpty() {
        return provenance == null ? Map.of() : provenance;
    }

    Map<String, SurveyTotals> surveyTotalsOrEmpty() {
        return surveyTotals == null ? Map.of() : surveyTotals;
    }
}
