package org.podloop.classification.facts;

/**
 * One metric of the snapshot being classified: its team value, the standard deviation of the
 * respondents' scores (null unless the metric came from survey answers) and how many answered it.
 */
public class Signal {

    private final String metric;
    private final double value;
    private final Double sd;
    private final int respondents;

    public Signal(String metric, double value, int respondents) {
        this(metric, value, null, respondents);
    }

    public Signal(String metric, double value, Double sd, int respondents) {
        this.metric = metric;
        this.value = value;
        this.sd = sd;
        this.respondents = respondents;
    }

    public String getMetric() {
        return metric;
    }

    public double getValue() {
        return value;
    }

    /** How far the team's answers spread around the value, on the metric's scale; null when unknown. */
    public Double getSd() {
        return sd;
    }

    public int getRespondents() {
        return respondents;
    }

    @Override
    public String toString() {
        return metric + "=" + value + (sd == null ? "" : " (sd " + sd + ", " + respondents + " respondents)");
    }
}
