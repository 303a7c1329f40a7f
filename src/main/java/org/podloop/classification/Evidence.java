package org.podloop.classification;

import java.util.List;

/**
 * A measured value that made a finding, with the threshold the rule applies to it; for a trend, the
 * previous values too (newest first). {@code measure} names what {@code value} is when it is not the
 * metric's value itself ({@code "sd"}: the spread of the team's answers); null otherwise.
 */
public record Evidence(String metric, double value, String threshold, List<Double> previous, String measure) {

    public Evidence(String metric, double value, String threshold) {
        this(metric, value, threshold, null, null);
    }

    public Evidence(String metric, double value, String threshold, List<Double> previous) {
        this(metric, value, threshold, previous, null);
    }

    /** What the value is of, for sentences: {@code psychological_safety} or {@code psychological_safety sd}. */
    public String label() {
        return measure == null ? metric : metric + " " + measure;
    }
}
