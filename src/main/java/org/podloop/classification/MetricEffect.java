package org.podloop.classification;

/**
 * How one metric an intervention targets changed over an iteration, in that metric's own {@code unit}
 * and good direction (positive: better); {@code improvement} is null when either measurement lacks it.
 * {@code standardized} is the change over the pooled standard deviation of the two measurements —
 * unit-free, so different metrics can be compared — and null when either came without a standard
 * deviation: it is never guessed.
 */
public record MetricEffect(String metric, String unit, Double improvement, Double standardized) {

    public boolean compared() {
        return improvement != null;
    }
}
