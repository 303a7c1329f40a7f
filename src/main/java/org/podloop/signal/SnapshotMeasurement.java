package org.podloop.signal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.podloop.common.InvalidInputException;
import org.podloop.common.Sha256;
import org.podloop.common.TextInput;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.Metric;
import org.podloop.rules.MetricCatalogue;
import org.podloop.rules.Survey;
import org.springframework.stereotype.Component;

/**
 * Turns a measurement as sent into what is stored: checks every field against the serving metric
 * catalogue, scores raw survey answers, and suppresses survey metrics from fewer respondents than the
 * privacy minimum. Raw answers go no further than this class.
 */
@Component
class SnapshotMeasurement {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Older measurements are typos (a year 20 for 2020) or epoch artefacts, not history. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private static final String MEASURED_WINDOW =
            "measurements are accepted from " + EARLIEST + " to 5 minutes from now";
    private static final int MAX_EXTERNAL_ID = 200;
    /** Below this many respondents a survey metric is stored without its standard deviation (see protect). */
    static final int SPREAD_MIN_RESPONDENTS = 5;

    private final ActiveRuleset rules;
    private final Clock clock;
    private final int minRespondents;

    SnapshotMeasurement(ActiveRuleset rules, Clock clock, SignalProperties properties) {
        this.rules = rules;
        this.clock = clock;
        if (properties.minRespondents() < 1) {
            throw new IllegalArgumentException(
                    "podloop.privacy.min-respondents must be at least 1, is " + properties.minRespondents());
        }
        this.minRespondents = properties.minRespondents();
    }

    /** Survey metrics from fewer respondents are stored suppressed. */
    int minRespondents() {
        return minRespondents;
    }

    /** Why {@code value} cannot be a value of {@code metric} in the serving catalogue, or empty when it can. */
    Optional<String> problemWith(String metric, Double value) {
        return problemWith(rules.metrics(), metric, value);
    }

    private static Optional<String> problemWith(MetricCatalogue catalogue, String metric, Double value) {
        Optional<Metric> known = catalogue.find(metric);
        if (known.isEmpty()) {
            return Optional.of("unknown metric '" + metric + "' (see GET /api/metrics)");
        }
        if (value == null || !Double.isFinite(value)) {
            return Optional.of("must be a finite number");
        }
        if (!known.get().accepts(value)) {
            return Optional.of(value + " is outside the scale " + known.get().min() + "–"
                    + known.get().max());
        }
        return Optional.empty();
    }

    /** Validates the request and turns it into one team-level value per metric, suppressing what is too small to be anonymous. */
    Map<String, MetricValue> measure(NewSnapshot request) {
        if (request.externalId() == null || request.externalId().isBlank()) {
            throw new InvalidInputException("externalId", "is required");
        }
        TextInput.check("externalId", request.externalId(), MAX_EXTERNAL_ID);
        if (request.measuredAt() == null) {
            throw new InvalidInputException("measuredAt", "is required (ISO-8601, e.g. 2026-11-02T09:00:00Z)");
        }
        if (request.measuredAt().isBefore(EARLIEST)) {
            throw new InvalidInputException("measuredAt", "lies before " + EARLIEST + "; " + MEASURED_WINDOW);
        }
        if (request.measuredAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new InvalidInputException("measuredAt", "lies in the future; " + MEASURED_WINDOW);
        }
        if (request.respondents() == null || request.respondents() < 1) {
            throw new InvalidInputException("respondents", "must be at least 1");
        }
        if (request.signalsOrEmpty().isEmpty()
                && request.surveysOrEmpty().isEmpty()
                && request.surveyTotalsOrEmpty().isEmpty()) {
            throw new InvalidInputException("signals", "a snapshot needs at least one metric in signals or surveys");
        }
        // one catalogue for the whole snapshot, even if a reload swaps it meanwhile
        MetricCatalogue catalogue = rules.metrics();
        Map<String, MetricValue> values = new TreeMap<>();
        request.signalsOrEmpty().forEach((key, value) -> {
            problemWith(catalogue, key, value).ifPresent(problem -> {
                throw new InvalidInputException("signals." + key, problem);
            });
            Metric metric = catalogue.find(key).orElseThrow();
            MetricValue measured = protect(metric, MetricValue.measured(value, null, request.respondents()));
            String where = request.provenanceOrEmpty().get(key);
            values.put(key, where == null || measured.isSuppressed() ? measured : measured.from(where));
        });
        request.surveysOrEmpty().forEach((key, answerSets) -> {
            String field = "surveys." + key;
            Metric metric = surveyMetric(catalogue, field, key, values);
            checkAnswers(field, metric.survey(), answerSets, request.respondents());
            values.put(key, protect(metric, SurveyScoring.score(metric.survey(), answerSets)));
        });
        request.surveyTotalsOrEmpty().forEach((key, totals) -> {
            String field = "surveyTotals." + key;
            Metric metric = surveyMetric(catalogue, field, key, values);
            checkTotals(field, metric.survey(), totals, request.respondents());
            values.put(
                    key,
                    totals.respondents() == 0
                            ? MetricValue.suppressedValue()
                            : protect(metric, SurveyScoring.score(totals)));
        });
        return values;
    }

    /** The catalogue entry of a survey metric given once in the snapshot. */
    private static Metric surveyMetric(
            MetricCatalogue catalogue, String field, String key, Map<String, MetricValue> values) {
        Metric metric = catalogue
                .find(key)
                .orElseThrow(
                        () -> new InvalidInputException(field, "unknown metric '" + key + "' (see GET /api/metrics)"));
        if (metric.survey() == null) {
            throw new InvalidInputException(field, "has no survey; send its value in signals");
        }
        if (values.containsKey(key)) {
            throw new InvalidInputException(field, "is also given in signals or surveys; send one or the other");
        }
        return metric;
    }

    /** Totals that no set of whole-number answers on the serving scale could have produced are refused. */
    private static void checkTotals(String field, Survey survey, SurveyTotals totals, int respondents) {
        if (totals == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (totals.maxPoints() != SurveyTotals.maxPoints(survey)) {
            throw new InvalidInputException(field, "was counted on another version of the scale");
        }
        long n = totals.respondents();
        if (n < 0 || n > respondents) {
            throw new InvalidInputException(field, "counts " + n + " respondents but respondents is " + respondents);
        }
        boolean possible = totals.sum() >= 0
                && totals.sum() <= n * totals.maxPoints()
                && totals.sumOfSquares() <= totals.sum() * totals.maxPoints()
                && n * totals.sumOfSquares() >= totals.sum() * totals.sum();
        if (!possible) {
            throw new InvalidInputException(field, "are not the totals of " + n + " respondents' answers");
        }
    }

    private static void checkAnswers(String field, Survey survey, List<List<Double>> answerSets, int respondents) {
        if (answerSets == null || answerSets.isEmpty()) {
            throw new InvalidInputException(field, "needs at least one respondent's answers");
        }
        if (answerSets.size() > respondents) {
            throw new InvalidInputException(
                    field, answerSets.size() + " answer sets but respondents is " + respondents);
        }
        for (int r = 0; r < answerSets.size(); r++) {
            SurveyAnswers.check(field + "[" + r + "]", survey, answerSets.get(r));
        }
    }

    /** Survey metrics from fewer respondents than the privacy minimum are stored without a value. */
    private MetricValue protect(Metric metric, MetricValue value) {
        if (metric.survey() == null || value.isSuppressed()) {
            return value;
        }
        if (value.respondents() < minRespondents) {
            return MetricValue.suppressedValue();
        }
        // Mean and sd are the sum and the sum of squares: among fewer than five, one respondent who knows her
        // own score (or two together) can solve the others' from them. The mean stays; the spread goes.
        return value.sd() != null && value.respondents() < SPREAD_MIN_RESPONDENTS
                ? MetricValue.measured(value.mean(), null, value.respondents())
                : value;
    }

    /**
     * The identity of a snapshot's content, over the aggregates only: a fingerprint of the raw answers
     * of a small team could be matched against guesses, so raw answers never reach the hash.
     */
    static String contentHash(NewSnapshot request, Map<String, MetricValue> values) {
        StringBuilder canonical =
                new StringBuilder().append(request.measuredAt()).append('|').append(request.respondents());
        values.forEach((k, v) -> canonical
                .append('|')
                .append(k)
                .append('=')
                .append(v.mean())
                .append('/')
                .append(v.sd())
                .append('/')
                .append(v.respondents())
                .append('/')
                .append(v.isSuppressed())
                // appended only when there is one, so the hashes of snapshots without provenance stay as they were
                .append(v.provenance() == null ? "" : "/" + v.provenance()));
        request.surveysOrEmpty().keySet().stream()
                .sorted()
                .forEach(k -> canonical.append("|survey:").append(k));
        request.surveyTotalsOrEmpty().keySet().stream()
                .sorted()
                .forEach(k -> canonical.append("|totals:").append(k));
        return Sha256.hex(digest -> digest.update(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
