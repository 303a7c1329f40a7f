package org.podloop.rules;

/**
 * One entry of the metric catalogue: what a signal means, which values it may take, the Human Debt
 * pattern it {@code informs} (for trend rules); {@code survey}
 * is set for metrics that may arrive as raw anonymous answers (and are then privacy-protected).
 * {@code minimalChange} (in the metric's unit) and {@code relativeChange} (a share of the baseline)
 * say how far the metric must move for verification to count it as a change: see {@link #minimalChange(double)}.
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
        Survey survey,
        Double minimalChange,
        Double relativeChange) {

    /** Without its own {@code minimalChange} a metric must move 5% of its scale: 5 points on 0–100. */
    public static final double DEFAULT_SHARE_OF_SCALE = 0.05;

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

    /**
     * The smallest change from {@code baseline} that counts, in the metric's unit: {@code minimalChange}
     * (5% of the scale when not given), or {@code relativeChange} × |baseline| when that is larger — a
     * rate or a duration counts relative to where the team started, the floor keeps values near zero
     * from turning jitter into change.
     */
    public double minimalChange(double baseline) {
        double floor = minimalChange != null ? minimalChange : DEFAULT_SHARE_OF_SCALE * (max - min);
        return relativeChange == null ? floor : Math.max(floor, relativeChange * Math.abs(baseline));
    }
}
