package org.podloop.classification.facts;

/**
 * A metric the chosen intervention targets, baseline vs re-measure. {@code improvement} is signed in
 * the metric's good direction (positive: better) and {@code null} when either measurement lacks the
 * metric. {@code noise} is the 95% margin of the difference from the stored standard deviations and
 * respondent counts ({@code null} when a value came without a standard deviation); {@code respondents}
 * is the smaller respondent count of the two ({@code null} when unknown).
 */
public class MetricChange {

    private final String metric;
    private final Double baseline;
    private final Double remeasure;
    private final Double improvement;
    private final Double noise;
    private final Integer respondents;

    public MetricChange(
            String metric, Double baseline, Double remeasure, Double improvement, Double noise, Integer respondents) {
        this.metric = metric;
        this.baseline = baseline;
        this.remeasure = remeasure;
        this.improvement = improvement;
        this.noise = noise;
        this.respondents = respondents;
    }

    public String getMetric() {
        return metric;
    }

    public Double getBaseline() {
        return baseline;
    }

    public Double getRemeasure() {
        return remeasure;
    }

    public Double getImprovement() {
        return improvement;
    }

    public Double getNoise() {
        return noise;
    }

    /** The noise margin, 0 when unknown: a value without a standard deviation is taken as measured exactly. */
    public double getMargin() {
        return noise == null ? 0 : noise;
    }

    public Integer getRespondents() {
        return respondents;
    }

    public boolean isMeasured() {
        return improvement != null;
    }

    @Override
    public String toString() {
        return metric + ": " + baseline + " → " + remeasure
                + (noise == null ? "" : " (±" + Math.round(noise * 10) / 10.0 + ")");
    }
}
