package org.podloop.classification.facts;

/** What the verification rules concluded about one targeted metric, with the reason in words. */
public class MetricVerdict {

    private final String metric;
    private final Verdict verdict;
    private final String reason;

    public MetricVerdict(String metric, Verdict verdict, String reason) {
        this.metric = metric;
        this.verdict = verdict;
        this.reason = reason;
    }

    public String getMetric() {
        return metric;
    }

    public Verdict getVerdict() {
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
