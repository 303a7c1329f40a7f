package org.podloop.signal;

/** What became of one snapshot of a batch: {@code recorded}, or why it was {@code refused}. */
public record RecordOutcome(RecordedSnapshot recorded, RuntimeException refused) {}
