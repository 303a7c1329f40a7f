package org.podloop.loop;

import java.util.UUID;

/** The loop a snapshot started or advanced. */
public record LoopRef(UUID id, LoopStatus status) {}
