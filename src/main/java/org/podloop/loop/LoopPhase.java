package org.podloop.loop;

/** Where a loop stands, read from its iterations: what the loop list shows as its current step. */
public enum LoopPhase {
    STARTING,
    CHOOSING_INTERVENTION,
    RUNNING_INTERVENTION,
    VERIFYING,
    DECIDING,
    BETWEEN_ITERATIONS,
    CLOSED,
    ESCALATED;

    static LoopPhase of(Loop loop) {
        if (loop.status() == LoopStatus.CLOSED) {
            return CLOSED;
        }
        if (loop.status() == LoopStatus.ESCALATED) {
            return ESCALATED;
        }
        LoopIteration current = loop.current();
        if (current == null) {
            return STARTING;
        }
        if (current.ended()) {
            return BETWEEN_ITERATIONS;
        }
        if (current.interventionId() == null) {
            return CHOOSING_INTERVENTION;
        }
        if (current.remeasureSnapshotId() == null) {
            return RUNNING_INTERVENTION;
        }
        return current.verificationOutcome() == null ? VERIFYING : DECIDING;
    }
}
