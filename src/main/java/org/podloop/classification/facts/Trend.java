package org.podloop.classification.facts;

import java.util.List;

/**
 * How a metric moved over the team's last snapshots up to this one. {@code declines} counts the
 * consecutive worsening steps ending now; {@code deterioration} is how much worse (in the metric's
 * unit, positive = worse) now is than the start of that run. {@code previous} is newest first.
 */
public class Trend {

    private final String metric;
    private final String pattern;
    private final double current;
    private final List<Double> previous;
    private final int declines;
    private final double deterioration;

    public Trend(
            String metric, String pattern, double current, List<Double> previous, int declines, double deterioration) {
        this.metric = metric;
        this.pattern = pattern;
        this.current = current;
        this.previous = List.copyOf(previous);
        this.declines = declines;
        this.deterioration = deterioration;
    }

    public String getMetric() {
        return metric;
    }

    public String getPattern() {
        return pattern;
    }

    public double getCurrent() {
        return current;
    }

    public List<Double> getPrevious() {
        return previous;
    }

    public int getDeclines() {
        return declines;
    }

    public double getDeterioration() {
        return deterioration;
    }

    @Override
    public String toString() {
        return metric + " trend " + previous + " → " + current;
    }
}
