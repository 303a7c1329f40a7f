package org.podloop.classification;

import java.util.List;

/**
 * Whether friction dropped ({@link VerificationOutcome}), with its reasons and rules;
 * {@code effect} is the mean improvement of the measured target metrics (null when none could be compared).
 */
public record Verification(
        VerificationOutcome outcome,
        List<String> reasons,
        List<FiredRule> rules,
        String rulesetVersion,
        Double effect) {}
