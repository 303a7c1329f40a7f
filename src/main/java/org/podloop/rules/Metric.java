package org.podloop.rules;

/**
 * One entry of the metric catalogue: what a signal means, which values it may take, the Human Debt
 * pattern it {@code informs} (for trend rules); {@code survey}
 * is set for metrics that may arrive as raw anonymous answers (and are then privacy-protected).
 */
public record Metric(
        String key,
        String title,
        double min,
        double max,
        String unit,
        Direction direction,
        String area,
        String informs,
        String description,
        Survey survey) {

    public enum Direction {
        HIGHER_IS_BETTER,
        LOWER_IS_BETTER
    }

    public boolean accepts(double value) {
        return value >= min && value <= max;
    }

    /** How much better {@code to} is than {@code from}, in the metric's unit (negative: worse). */
    public double improvement(double from, double to) {
        return direction == Direction.HIGHER_IS_BETTER ? to - from : from - to;
    }
}
