package org.podloop.notification;

/** Where a nudge stands; every status but PENDING and SENDING is final. */
public enum NudgeStatus {
    /** To be sent at its next attempt (after a failure, or once her quiet hours end). */
    PENDING,
    /** A node holds it and is sending it; another takes it over if the hold expires. */
    SENDING,
    SENT,
    /** No mail server or webhook is configured: kept for the start page only. */
    KEPT,
    /** She has no mail address. */
    NO_ADDRESS,
    /** She turned mail off. */
    EMAIL_OFF,
    /** She paused nudges until a date. */
    PAUSED,
    /** She had her weekly number of mails already. */
    WEEKLY_LIMIT,
    /** The task was done, or the round closed, before the nudge could go. */
    OUTDATED,
    /** Every attempt failed. */
    FAILED
}
