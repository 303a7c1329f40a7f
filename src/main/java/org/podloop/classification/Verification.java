package org.podloop.classification;

import java.util.List;

/** Whether friction dropped: REDUCED, NOT_REDUCED, WORSENED or INCONCLUSIVE, with its reasons and rules. */
public record Verification(String outcome, List<String> reasons, List<FiredRule> rules, String rulesetVersion) {

    public static final String REDUCED = "REDUCED";
}
