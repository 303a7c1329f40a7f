package org.podloop.signal;

/**
 * One metric of a snapshot at team level: its mean, standard deviation (when known) and number of
 * respondents — or, below the privacy minimum, only {@code suppressed: true} and no value at all.
 * {@code provenance} says where a derived value comes from ("median of 23 items in review, Jira,
 * 2026-11-01 – 2026-11-14"); null for values as sent or scored from answers.
 */
public record MetricValue(Double mean, Double sd, Integer respondents, Boolean suppressed, String provenance) {

    public MetricValue(Double mean, Double sd, Integer respondents, Boolean suppressed) {
        this(mean, sd, respondents, suppressed, null);
    }

    public static MetricValue measured(double mean, Double sd, int respondents) {
        return new MetricValue(mean, sd, respondents, null);
    }

    public static MetricValue suppressedValue() {
        return new MetricValue(null, null, null, true);
    }

    public boolean isSuppressed() {
        return Boolean.TRUE.equals(suppressed);
    }

    /** The same value, saying where it comes from. */
    MetricValue from(String where) {
        return new MetricValue(mean, sd, respondents, suppressed, where);
    }
}
