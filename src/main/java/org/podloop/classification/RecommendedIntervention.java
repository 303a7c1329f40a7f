package org.podloop.classification;

import java.time.Duration;
import java.util.List;

/** An intervention ranked for a finding, with why it is recommended and the rules that said so. */
public record RecommendedIntervention(
        int rank,
        String interventionId,
        String title,
        String pattern,
        Duration timeBox,
        String reason,
        List<FiredRule> rules) {}
