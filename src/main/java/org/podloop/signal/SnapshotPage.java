package org.podloop.signal;

import java.util.List;

/** One page of a team's snapshots, newest first. */
public record SnapshotPage(List<SnapshotView> items, int page, int size, long total) {}
