package org.podloop.pulse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A round opened: the team's pod ({@code invited} members then) is asked {@code metrics} until {@code closesAt}. */
public record PulseRoundOpened(
        UUID roundId, String team, List<String> metrics, int invited, Instant closesAt, String openedBy) {}
