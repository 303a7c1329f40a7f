package org.podloop.signal;

import java.time.Instant;
import java.util.Map;

/** One measurement of a team as a client posts it. */
public record NewSnapshot(String externalId, Instant measuredAt, Integer respondents, Map<String, Double> signals) {
}
