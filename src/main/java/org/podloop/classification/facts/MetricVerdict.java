package org.podloop.classification.facts;

/** What the verification rules concluded about one targeted metric: IMPROVED, WORSENED, UNCHANGED or MISSING. */
public class MetricVerdict {

    private final String metric;
    private final String verdict;
    private final String reason;

    public MetricVerdict(String metric, String verdict, String reason) {
        this.metric = metric;
        this.verdict = verdict;
        this.reason = reason;
    }

    public String getMetric() {
        return metric;
    }

    public String getVerdict() {
        return verdict;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return metric + " " + verdict;
    }
}
