package org.podloop.signal;

import java.util.List;

/**
 * A survey scale of the metric catalogue: item texts in the order respondents answer them, the
 * answer scale and the reverse-scored items (1-based).
 */
public record Survey(int scaleMin, int scaleMax, List<Integer> reverseScored, List<String> items) {

    /**
     * The team score of valid answer sets (one per respondent, one answer per item): the mean of
     * the respondents' item means mapped to 0–100, the sample standard deviation of the
     * respondents' scores on the same 0–100 scale, and the number of respondents.
     */
    public MetricValue score(List<List<Double>> answerSets) {
        double[] scores = answerSets.stream().mapToDouble(this::respondentScore).toArray();
        double mean = java.util.Arrays.stream(scores).average().orElseThrow();
        double squares = java.util.Arrays.stream(scores).map(s -> (s - mean) * (s - mean)).sum();
        double sd = scores.length > 1 ? Math.sqrt(squares / (scores.length - 1)) : 0;
        return MetricValue.measured(round(mean), round(sd), scores.length);
    }

    /** One respondent's score on 0–100. */
    private double respondentScore(List<Double> answers) {
        double sum = 0;
        for (int item = 1; item <= answers.size(); item++) {
            double answer = answers.get(item - 1);
            sum += reverseScored.contains(item) ? scaleMin + scaleMax - answer : answer;
        }
        return (sum / answers.size() - scaleMin) / (scaleMax - scaleMin) * 100;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
