package org.podloop.signal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A stored snapshot: team-level aggregates only. */
public record SnapshotView(UUID id, String teamKey, String externalId, Instant measuredAt, int respondents,
                           Map<String, Double> signals) {
}
