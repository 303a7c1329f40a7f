package org.podloop.worksignal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code podloop.work.*}: the fewest items a metric is derived from, the longest period one import covers. */
@ConfigurationProperties("podloop.work")
record WorkProperties(
        @DefaultValue("5") int minItems, @DefaultValue("92") int longestPeriodDays) {}
