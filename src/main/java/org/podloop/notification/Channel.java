package org.podloop.notification;

/** Where a nudge goes: a person's mail, or her team's chat channel. */
public enum Channel {
    EMAIL,
    SLACK,
    TEAMS
}
