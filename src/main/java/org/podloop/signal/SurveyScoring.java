package org.podloop.signal;

import java.util.Arrays;
import java.util.List;
import org.podloop.rules.Survey;

/** Scores raw survey answers on a catalogue scale; answers are checked before and never kept after. */
final class SurveyScoring {

    private SurveyScoring() {}

    /**
     * The team score of valid answer sets (one per respondent, one answer per item): the mean of
     * the respondents' item means mapped to 0–100, the sample standard deviation of the
     * respondents' scores on the same 0–100 scale, and the number of respondents.
     */
    static MetricValue score(Survey survey, List<List<Double>> answerSets) {
        double[] scores = answerSets.stream()
                .mapToDouble(answers -> respondentScore(survey, answers))
                .toArray();
        double mean = Arrays.stream(scores).average().orElseThrow();
        double squares = Arrays.stream(scores).map(s -> (s - mean) * (s - mean)).sum();
        double sd = scores.length > 1 ? Math.sqrt(squares / (scores.length - 1)) : 0;
        return MetricValue.measured(round(mean), round(sd), scores.length);
    }

    /** One respondent's score on 0–100. */
    private static double respondentScore(Survey survey, List<Double> answers) {
        double sum = 0;
        for (int item = 1; item <= answers.size(); item++) {
            double answer = answers.get(item - 1);
            sum += survey.reverseScored().contains(item) ? survey.scaleMin() + survey.scaleMax() - answer : answer;
        }
        return (sum / answers.size() - survey.scaleMin()) / (survey.scaleMax() - survey.scaleMin()) * 100;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
