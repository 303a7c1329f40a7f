package org.podloop.classification;

import org.podloop.signal.MetricValue;

/** The 95% noise margin of the difference of two means, as verification weighs a change against it. */
public final class NoiseMargin {

    private NoiseMargin() {}

    /** 1.96 × √(sd₁²/n₁ + sd₂²/n₂); null unless both came with a standard deviation and respondents. */
    public static Double of(MetricValue before, MetricValue after) {
        if (before == null
                || after == null
                || before.sd() == null
                || after.sd() == null
                || before.respondents() == null
                || after.respondents() == null) {
            return null;
        }
        return 1.96
                * Math.sqrt(before.sd() * before.sd() / before.respondents()
                        + after.sd() * after.sd() / after.respondents());
    }
}
