package org.podloop.rules;

/**
 * A check a freshly built ruleset must pass before it may serve, at start-up, on reload and for a
 * back-test's candidate. The module that judges with the rules contributes one (running
 * {@link Ruleset#selfCheck()}), so the rules module needs no knowledge of how judging works.
 */
public interface RulesetCheck {

    /** Throws {@link RulesetBuildException} naming what the ruleset got wrong. */
    void check(Ruleset candidate);
}
