package org.podloop.pulse;

import java.time.Instant;
import java.util.UUID;

/**
 * The round's one reminder is due: its team's pod is reminded that it closes at {@code closesAt}. It says
 * nothing of who has answered: a reminder only for those who have not would itself record who they are.
 */
public record PulseReminderDue(UUID roundId, String team, Instant closesAt) {}
