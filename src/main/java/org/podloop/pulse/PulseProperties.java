package org.podloop.pulse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code podloop.pulse.*}: how long a round stays open when its opener names no {@code closesAt}, and how
 * long before its deadline the members who have not answered are reminded, how often each node looks for
 * teams whose cadence is due (ISO-8601 durations).
 */
@ConfigurationProperties("podloop.pulse")
record PulseProperties(
        @DefaultValue("P5D") Duration openFor,
        @DefaultValue("P1D") Duration remindBefore,
        @DefaultValue("PT1M") Duration cadenceCheckEvery) {}
