package org.podloop.signal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One metric of a snapshot: the team-level mean (never an individual answer). */
@Embeddable
class SnapshotMetric {

    @Column(name = "metric")
    private String metric;
    @Column(name = "mean_value")
    private double mean;

    protected SnapshotMetric() {
    }

    SnapshotMetric(String metric, double mean) {
        this.metric = metric;
        this.mean = mean;
    }

    String metric() {
        return metric;
    }

    double mean() {
        return mean;
    }
}
