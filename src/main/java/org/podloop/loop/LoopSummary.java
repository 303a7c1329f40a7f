package org.podloop.loop;

import java.time.Instant;
import java.util.UUID;

/** One line of the loop list. */
public record LoopSummary(UUID id, String team, LoopStatus status, Instant openedAt, Instant endedAt, int iterations) {}
