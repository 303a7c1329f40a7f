package org.podloop.classification.facts;

/** One metric of the snapshot being classified. */
public class Signal {

    private final String metric;
    private final double value;
    private final int respondents;

    public Signal(String metric, double value, int respondents) {
        this.metric = metric;
        this.value = value;
        this.respondents = respondents;
    }

    public String getMetric() {
        return metric;
    }

    public double getValue() {
        return value;
    }

    public int getRespondents() {
        return respondents;
    }

    @Override
    public String toString() {
        return metric + "=" + value;
    }
}
