package org.podloop.loop;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Published for every step a loop takes (its timeline entry): who, what, when, and the step's details —
 * plain values (text, numbers, ids, instants, lists and maps of them), the same the timeline stores as JSON.
 */
public record LoopStepRecorded(
        UUID loopId,
        Integer iteration,
        TimelineType type,
        String actor,
        UUID snapshotId,
        Map<String, ?> detail,
        Instant at) {

    /** A detail of the step, or null when it has none of that name. */
    public Object detail(String name) {
        return detail.get(name);
    }
}
