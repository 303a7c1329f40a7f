package org.podloop.classification;

import java.nio.file.Path;
import java.time.Instant;
import org.podloop.signal.MetricCatalogue;

/** The real rules/ folder, built once per test JVM, exactly as the application builds it. */
final class ShippedRules {

    static final Path FOLDER = Path.of("rules");
    static final MetricCatalogue METRICS = MetricCatalogue.of(FOLDER);
    private static Ruleset ruleset;

    private ShippedRules() {
    }

    static synchronized Ruleset ruleset() {
        if (ruleset == null) {
            ruleset = Ruleset.build(FOLDER, key -> METRICS.find(key).isPresent(), Instant.now());
        }
        return ruleset;
    }

    static Judgement judgement() {
        return new Judgement(ruleset(), METRICS);
    }
}
