package org.podloop.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code podloop.nudges.*}: at most how many mails a person gets in seven days, how often each node
 * looks for nudges to send, how retries back off (first wait, doubling up to the longest, until the
 * attempts run out), how long a node holds a nudge it is sending or the delivery lease, and the time zone
 * of people who have not chosen one.
 */
@ConfigurationProperties("podloop.nudges")
record NudgeProperties(
        @DefaultValue("3") int maxPerPersonPerWeek,
        @DefaultValue("PT15S") Duration dispatchEvery,
        @DefaultValue("PT30S") Duration retryFirst,
        @DefaultValue("PT1H") Duration retryLongest,
        @DefaultValue("48") int maxAttempts,
        @DefaultValue("PT2M") Duration holdFor,
        @DefaultValue("PT10S") Duration webhookTimeout,
        @DefaultValue("UTC") String defaultTimeZone) {}
