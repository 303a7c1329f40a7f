package org.podloop.pulse;

import java.util.List;
import java.util.Map;

/** {@code POST /api/pulses/{id}/answers}: {metric: [one answer per item]}; a metric may be left out. */
record PulseAnswers(Map<String, List<Double>> answers) {}
