package org.podloop.rules;

import java.time.Duration;
import java.util.List;

/** An entry of the intervention catalogue ({@code rules/interventions.yaml}). */
public record Intervention(
        String id,
        String title,
        List<String> patterns,
        Duration timeBox,
        List<String> steps,
        List<String> metrics,
        String participants) {}
