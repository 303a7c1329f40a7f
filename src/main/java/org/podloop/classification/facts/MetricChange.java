package org.podloop.classification.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A metric the chosen intervention targets, baseline vs re-measure. {@code improvement} is signed in
 * the metric's good direction (positive: better) and {@code null} when either measurement lacks the
 * metric. {@code noise} is the 95% margin of the difference from the stored standard deviations and
 * respondent counts ({@code null} when a value came without a standard deviation); {@code respondents}
 * is the smaller respondent count of the two ({@code null} when unknown). {@code minimalChange} is the
 * smallest change of this metric from this baseline that counts, in the metric's {@code unit} (from
 * the metric catalogue). Improvement and minimal change are kept to 9 decimals, so binary rounding
 * (1.0 − 0.8 = 0.19999…) never decides a boundary.
 */
public class MetricChange {

    private static final int DECIMALS = 9;

    private final String metric;
    private final String title;
    private final String unit;
    private final Double baseline;
    private final Double remeasure;
    private final Double improvement;
    private final Double noise;
    private final Integer respondents;
    private final double minimalChange;

    public MetricChange(
            String metric,
            String title,
            String unit,
            Double baseline,
            Double remeasure,
            Double improvement,
            Double noise,
            Integer respondents,
            double minimalChange) {
        this.metric = metric;
        this.title = title;
        this.unit = unit;
        this.baseline = baseline;
        this.remeasure = remeasure;
        this.improvement = improvement == null ? null : exact(improvement);
        this.noise = noise;
        this.respondents = respondents;
        this.minimalChange = exact(minimalChange);
    }

    public String getMetric() {
        return metric;
    }

    /** The metric's title from the catalogue, for reasons people read. */
    public String getTitle() {
        return title;
    }

    /** The metric's unit from the catalogue ("points", "hours", "events per person per sprint"). */
    public String getUnit() {
        return unit;
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

    /** The smallest change that counts for this metric from this baseline, in the metric's unit. */
    public double getMinimalChange() {
        return minimalChange;
    }

    // Wording for reasons: numbers as people write them (40, 0.8, 2.35), never 40.0 or 0.19999999999999996.

    /** "from 0.8 to 2.4 events per person per sprint". */
    public String getFromTo() {
        return "from " + number(baseline) + " to " + number(remeasure) + " " + unit;
    }

    /** The size of the change, without sign, e.g. "1.6". */
    public String getChangeText() {
        return improvement == null ? "" : number(Math.abs(improvement));
    }

    /** The smallest change that counts, e.g. "0.2". */
    public String getMinimalChangeText() {
        return number(minimalChange);
    }

    /** The noise margin rounded to one decimal, e.g. "±22.6"; empty when unknown. */
    public String getNoiseText() {
        return noise == null ? "" : "±" + number(Math.round(noise * 10) / 10.0);
    }

    /** ", and beyond its noise of ±5.7" when the noise is known; empty otherwise. */
    public String getBeyondNoiseText() {
        return noise == null ? "" : ", and beyond its noise of " + getNoiseText();
    }

    private static double exact(double value) {
        return BigDecimal.valueOf(value)
                .setScale(DECIMALS, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** Up to three decimals, trailing zeros dropped. */
    static String number(Double value) {
        if (value == null) {
            return "?";
        }
        return BigDecimal.valueOf(value)
                .setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    @Override
    public String toString() {
        return metric + ": " + baseline + " → " + remeasure + " (counts from " + getMinimalChangeText() + ")"
                + (noise == null ? "" : " (±" + Math.round(noise * 10) / 10.0 + ")");
    }
}
