package org.podloop.assistant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code podloop.assistant.*}: who does the assistant's work ({@code built-in}, or {@code external} for a
 * team's own worker over {@code /engine-rest}), how long an iteration waits for it ({@code timeout}, read by
 * the process through {@code loopDurations}), how often the in-process worker looks for work it missed, and
 * the longest text it keeps.
 */
@ConfigurationProperties("podloop.assistant")
record AssistantProperties(
        @DefaultValue("built-in") String provider,
        @DefaultValue("PT2M") Duration timeout,
        @DefaultValue("PT30S") Duration sweepEvery,
        @DefaultValue("3500") int maxChars) {

    boolean inProcess() {
        return !"external".equalsIgnoreCase(provider);
    }
}
