package org.podloop.notification;

import java.util.UUID;

/**
 * A nudge went out: on which channel, to how many recipients (a mail has one, a team channel counts as
 * one), about what; for the audit. Never who, and never what a pulse's respondents did.
 */
public record NudgeSent(UUID nudgeId, NudgeKind kind, Channel channel, int recipients, String team, UUID loopId) {}
