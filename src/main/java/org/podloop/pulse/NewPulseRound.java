package org.podloop.pulse;

import java.time.Instant;
import java.util.List;

/** {@code POST /api/teams/{key}/pulses}: optional survey {@code metrics} (default: all) and {@code closesAt}. */
record NewPulseRound(List<String> metrics, Instant closesAt) {}
