package org.podloop.pulse;

import java.util.UUID;

/**
 * A round closed with {@code respondents} of {@code invited} answers; {@code snapshotId} is the team's
 * snapshot of it, {@code null} when nobody answered. Counts only: never who answered.
 */
public record PulseRoundClosed(UUID roundId, String team, int invited, int respondents, UUID snapshotId) {}
