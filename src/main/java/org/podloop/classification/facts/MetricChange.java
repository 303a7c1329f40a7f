package org.podloop.classification.facts;

/**
 * A metric the chosen intervention targets, baseline vs re-measure. {@code improvement} is signed in
 * the metric's good direction (positive: better); it is {@code null} when the re-measure lacks the metric.
 */
public class MetricChange {

    private final String metric;
    private final Double baseline;
    private final Double remeasure;
    private final Double improvement;

    public MetricChange(String metric, Double baseline, Double remeasure, Double improvement) {
        this.metric = metric;
        this.baseline = baseline;
        this.remeasure = remeasure;
        this.improvement = improvement;
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

    public boolean isMeasured() {
        return improvement != null;
    }

    @Override
    public String toString() {
        return metric + ": " + baseline + " → " + remeasure;
    }
}
