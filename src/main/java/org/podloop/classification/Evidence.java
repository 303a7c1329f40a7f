package org.podloop.classification;

import java.util.List;

/**
 * A measured value that made a finding, with the threshold the rule applies to it; for a trend, the
 * previous values too (newest first). {@code measure} names what {@code value} is when it is not the
 * metric's value itself ({@code "sd"}: the spread of the team's answers); null otherwise.
 * {@code provenance} says where a derived value comes from ("median of 23 items in review, Jira,
 * 2026-11-01 – 2026-11-14"); null for values as sent or scored from answers.
 */
public record Evidence(
        String metric, double value, String threshold, List<Double> previous, String measure, String provenance) {

    public Evidence(String metric, double value, String threshold, List<Double> previous, String measure) {
        this(metric, value, threshold, previous, measure, null);
    }

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
