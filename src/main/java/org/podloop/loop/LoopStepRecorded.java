package org.podloop.loop;

import java.time.Instant;
import java.util.UUID;

/** Published for every step a loop takes (its timeline entry): who, what, when, and the step's details as JSON. */
public record LoopStepRecorded(UUID loopId, Integer iteration, TimelineType type, String actor, UUID snapshotId,
                               String detailJson, Instant at) {
}
