package org.podloop.signal;

import java.util.UUID;

/** Published when a new snapshot was stored (not when the same one was posted again). */
public record SnapshotRecorded(UUID snapshotId, String teamKey, String externalId) {
}
