package org.podloop.loop;

import java.util.List;

/** One page of loops, newest first. */
public record LoopPage(List<LoopSummary> items, int page, int size, long total) {}
