package org.podloop.classification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Whether friction dropped ({@link VerificationOutcome}), with its reasons and rules, and the change of
 * each targeted metric in its own unit ({@code effects}; never one mean over different units).
 */
// Verifications stored before the per-metric effects carried "effect", a mean over mixed units: not read.
@JsonIgnoreProperties("effect")
public record Verification(
        VerificationOutcome outcome,
        List<String> reasons,
        List<FiredRule> rules,
        String rulesetVersion,
        List<MetricEffect> effects) {}
