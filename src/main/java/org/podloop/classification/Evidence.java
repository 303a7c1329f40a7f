package org.podloop.classification;

import java.util.List;

/**
 * A measured value that made a finding, with the threshold the rule applies to it; for a trend, the
 * previous values too (newest first).
 */
public record Evidence(String metric, double value, String threshold, List<Double> previous) {

    public Evidence(String metric, double value, String threshold) {
        this(metric, value, threshold, null);
    }
}
