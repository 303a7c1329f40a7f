package org.podloop.signal;

import java.util.List;
import org.podloop.rules.Survey;

/**
 * Scores survey answers on a catalogue scale; answers are checked before and never kept after. Raw
 * answer sets and pre-aggregated {@link SurveyTotals} go through the same arithmetic.
 */
final class SurveyScoring {

    private SurveyScoring() {}

    /**
     * The team score of valid answer sets (one per respondent, one answer per item): the mean of
     * the respondents' item means mapped to 0–100, the sample standard deviation of the
     * respondents' scores on the same 0–100 scale, and the number of respondents.
     */
    static MetricValue score(Survey survey, List<List<Double>> answerSets) {
        return score(answerSets.stream()
                .map(answers -> SurveyTotals.ofRespondent(survey, answers))
                .reduce(SurveyTotals::plus)
                .orElseThrow());
    }

    /** The same team score from totals of at least one respondent. */
    static MetricValue score(SurveyTotals totals) {
        long n = totals.respondents();
        double toScale = 100.0 / totals.maxPoints();
        double mean = (double) totals.sum() / n * toScale;
        // whole numbers: n·Σx² − (Σx)² is exact, so a team that agrees gets exactly 0
        long spread = n * totals.sumOfSquares() - totals.sum() * totals.sum();
        double sd = n > 1 ? Math.sqrt((double) spread / (n * (n - 1))) * toScale : 0;
        return MetricValue.measured(round(mean), round(sd), totals.respondents());
    }

    /** One respondent's score in points: 0 to items × (scaleMax − scaleMin). */
    static long points(Survey survey, List<Double> answers) {
        long points = 0;
        for (int item = 1; item <= answers.size(); item++) {
            long answer = Math.round(answers.get(item - 1));
            long scored =
                    survey.reverseScored().contains(item) ? survey.scaleMin() + survey.scaleMax() - answer : answer;
            points += scored - survey.scaleMin();
        }
        return points;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
