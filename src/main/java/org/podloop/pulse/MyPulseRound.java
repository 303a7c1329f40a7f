package org.podloop.pulse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An open round of one of the caller's pods, as she sees it: how many answered, and whether she has. */
public record MyPulseRound(
        UUID id,
        String team,
        List<String> metrics,
        int invited,
        int answered,
        String progress,
        Instant closesAt,
        boolean answeredByMe) {}
