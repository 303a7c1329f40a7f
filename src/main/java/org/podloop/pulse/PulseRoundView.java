package org.podloop.pulse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.podloop.signal.MetricValue;

/**
 * A round's status: "{@code answered} of {@code invited}". {@code aggregates} (the stored snapshot's
 * team-level values, suppressed below the privacy minimum) only once it is closed; while open, none.
 */
public record PulseRoundView(
        UUID id,
        String team,
        List<String> metrics,
        String state,
        int invited,
        int answered,
        String progress,
        Instant openedAt,
        Instant closesAt,
        Instant remindedAt,
        Instant closedAt,
        UUID snapshotId,
        Map<String, MetricValue> aggregates) {}
