package org.podloop.classification;

import java.util.List;
import org.podloop.classification.facts.Severity;

/**
 * A Human Debt finding with its severity, its evidence, the rules that raised it and the ruleset version.
 * {@code severity} is the name of a {@link org.podloop.classification.facts.Severity}: views are stored
 * and sent as JSON, where it has always been that string.
 */
public record FindingView(
        String pattern, String severity, List<Evidence> evidence, List<FiredRule> rules, String rulesetVersion) {

    /** How urgent the finding is, higher for more urgent: for ordering, HIGH first. */
    public int urgency() {
        return Severity.valueOf(severity).ordinal();
    }
}
