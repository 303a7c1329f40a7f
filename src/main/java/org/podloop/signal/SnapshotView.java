package org.podloop.signal;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A stored snapshot: team-level aggregates only. */
public record SnapshotView(
        UUID id,
        String teamKey,
        String externalId,
        Instant measuredAt,
        int respondents,
        Map<String, MetricValue> metrics) {

    /** The metrics the rules may see: every mean that is not suppressed. */
    public Map<String, Double> signals() {
        Map<String, Double> visible = new TreeMap<>();
        metrics.forEach((key, value) -> {
            if (!value.isSuppressed()) {
                visible.put(key, value.mean());
            }
        });
        return visible;
    }
}
