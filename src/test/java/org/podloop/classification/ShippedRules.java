package org.podloop.classification;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.RulesProperties;
import org.podloop.rules.Ruleset;
import org.podloop.support.ShippedRulesFolder;

/** The real rules/ folder, built once per test JVM, exactly as the application builds it. */
final class ShippedRules {

    static final Path FOLDER = ShippedRulesFolder.FOLDER;
    private static Ruleset ruleset;

    private ShippedRules() {}

    static synchronized Ruleset ruleset() {
        if (ruleset == null) {
            ruleset = Ruleset.build(FOLDER, Instant.now());
        }
        return ruleset;
    }

    static Judgement judgement() {
        return new Judgement(ruleset());
    }

    /** The serving ruleset of {@code folder} with the application's self-check, without Spring. */
    static ActiveRuleset active(Path folder) {
        return new ActiveRuleset(
                new RulesProperties(folder), List.of(new SelfCheckRun()), Clock.systemUTC(), event -> {});
    }
}
