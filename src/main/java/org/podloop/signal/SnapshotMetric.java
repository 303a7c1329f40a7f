package org.podloop.signal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One metric of a snapshot: team-level mean, sd and respondents, or suppressed with no value (never an individual answer); where a derived value comes from. */
@Embeddable
class SnapshotMetric {

    @Column(name = "metric")
    private String metric;

    @Column(name = "mean_value")
    private Double mean;

    private Double sd;
    private Integer respondents;
    private boolean suppressed;
    private String provenance;

    protected SnapshotMetric() {}

    SnapshotMetric(String metric, MetricValue value) {
        this.metric = metric;
        this.suppressed = value.isSuppressed();
        if (!suppressed) {
            this.mean = value.mean();
            this.sd = value.sd();
            this.respondents = value.respondents();
            this.provenance = value.provenance();
        }
    }

    String metric() {
        return metric;
    }

    MetricValue value() {
        return suppressed ? MetricValue.suppressedValue() : new MetricValue(mean, sd, respondents, null, provenance);
    }
}
