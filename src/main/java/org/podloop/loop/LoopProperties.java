package org.podloop.loop;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code podloop.loop.*}: how many iterations a loop runs before governance must decide, and the loop's
 * timing (ISO-8601 durations; the time-box of the run task comes from the intervention catalogue).
 * The defaults are in {@code application.yaml}.
 */
@ConfigurationProperties("podloop.loop")
record LoopProperties(
        int maxIterations,
        Duration chooseWithin,
        Duration chooseReminderAfter,
        Duration runReminderBefore,
        Duration remeasurementOverdueAfter) {}
