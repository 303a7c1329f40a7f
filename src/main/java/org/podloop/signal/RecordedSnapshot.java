package org.podloop.signal;

/** The outcome of recording: the stored snapshot, and whether this call stored it or it was there already. */
public record RecordedSnapshot(SnapshotView snapshot, boolean created) {}
