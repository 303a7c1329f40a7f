package org.podloop.signal;

/**
 * One metric of a snapshot at team level: its mean, standard deviation (when known) and number of
 * respondents — or, below the privacy minimum, only {@code suppressed: true} and no value at all.
 */
public record MetricValue(Double mean, Double sd, Integer respondents, Boolean suppressed) {

    public static MetricValue measured(double mean, Double sd, int respondents) {
        return new MetricValue(mean, sd, respondents, null);
    }

    public static MetricValue suppressedValue() {
        return new MetricValue(null, null, null, true);
    }

    public boolean isSuppressed() {
        return Boolean.TRUE.equals(suppressed);
    }
}
