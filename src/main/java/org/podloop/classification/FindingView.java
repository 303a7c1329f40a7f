package org.podloop.classification;

import java.util.List;

/** A Human Debt finding with its severity, its evidence, the rules that raised it and the ruleset version. */
public record FindingView(String pattern, String severity, List<Evidence> evidence, List<FiredRule> rules,
                          String rulesetVersion) {
}
