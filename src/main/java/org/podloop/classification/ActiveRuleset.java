package org.podloop.classification;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.podloop.signal.MetricCatalogue;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ruleset that serves. Built from the rules folder at start-up (a broken folder stops the start);
 * {@link #reload()} builds and checks the folder's current content and swaps atomically, or refuses and
 * keeps the old one serving. Every use holds a lease, so a swap never pulls a KieBase from under a
 * running classification, and a replaced KieBase is released when its last use ends.
 */
@Component
class ActiveRuleset implements DisposableBean {

    private final Path folder;
    private final MetricCatalogue metrics;
    private final Clock clock;
    private volatile Ruleset current;

    ActiveRuleset(@Value("${podloop.rules.path}") Path folder, MetricCatalogue metrics, Clock clock) {
        this.folder = folder;
        this.metrics = metrics;
        this.clock = clock;
        this.current = build();
    }

    <T> T withCurrent(Function<Ruleset, T> use) {
        while (true) {
            Ruleset ruleset = current;
            if (ruleset.tryLease()) {
                try {
                    return use.apply(ruleset);
                } finally {
                    ruleset.release();
                }
            }
        }
    }

    /** The outcome of a reload: the version serving now and the one before. */
    record Reload(String version, String previousVersion, boolean changed) {
    }

    /** Builds, self-checks and activates the folder's content; throws {@link RulesetBuildException} and changes nothing if it fails. */
    synchronized Reload reload() {
        Ruleset candidate = build();
        Ruleset previous = current;
        if (candidate.version().equals(previous.version())) {
            candidate.close();
            return new Reload(previous.version(), previous.version(), false);
        }
        current = candidate;
        previous.retire();
        return new Reload(candidate.version(), previous.version(), true);
    }

    /** Builds and self-checks the folder's content without activating it (for back-tests); the caller closes it. */
    Ruleset candidate() {
        return build();
    }

    private Ruleset build() {
        Ruleset built = Ruleset.build(folder, key -> metrics.find(key).isPresent(), clock.instant());
        try {
            SelfCheck.run(folder, new Judgement(built, metrics));
            return built;
        } catch (RuntimeException e) {
            built.close();
            throw e;
        }
    }

    @Override
    public void destroy() {
        current.retire();
    }
}
