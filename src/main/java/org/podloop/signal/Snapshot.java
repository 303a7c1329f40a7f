package org.podloop.signal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.podloop.common.NewEntity;

@Entity
@Table(name = "snapshots")
class Snapshot extends NewEntity<UUID> {

    @Id
    private UUID id;

    private String teamKey;
    private String externalId;
    private Instant measuredAt;
    private int respondents;
    private Instant recordedAt;
    /** SHA-256 of the canonical content: tells a repeated post from a different one with the same externalId. */
    private String contentHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "snapshot_metrics", joinColumns = @JoinColumn(name = "snapshot_id"))
    private List<SnapshotMetric> metrics = new ArrayList<>();

    protected Snapshot() {}

    Snapshot(
            String teamKey,
            String externalId,
            Instant measuredAt,
            int respondents,
            Map<String, MetricValue> values,
            String contentHash,
            Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.teamKey = teamKey;
        this.externalId = externalId;
        this.measuredAt = measuredAt;
        this.respondents = respondents;
        this.contentHash = contentHash;
        this.recordedAt = recordedAt;
        values.forEach((metric, value) -> metrics.add(new SnapshotMetric(metric, value)));
    }

    @Override
    public UUID getId() {
        return id;
    }

    String contentHash() {
        return contentHash;
    }

    SnapshotView view() {
        Map<String, MetricValue> values = new TreeMap<>();
        metrics.forEach(m -> values.put(m.metric(), m.value()));
        return new SnapshotView(id, teamKey, externalId, measuredAt, respondents, values);
    }
}
