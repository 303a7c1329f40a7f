package org.podloop.signal;

/** Published when a new snapshot was stored (not when the same one was posted again), with its aggregates. */
public record SnapshotRecorded(SnapshotView snapshot) {}
