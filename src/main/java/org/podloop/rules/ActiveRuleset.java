package org.podloop.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules module's public face: the ruleset that serves. Built from the rules folder at start-up (a
 * broken folder stops the start); {@link #reload()} builds and checks the folder's current content and
 * swaps DRL, catalogues and self-check together atomically, or refuses and keeps the old one serving.
 * Every use of the KieBase holds a lease, so a swap never pulls it from under a running classification,
 * and a replaced KieBase is released when its last use ends.
 */
@Component
public class ActiveRuleset implements DisposableBean {

    private final Path folder;
    private final List<RulesetCheck> checks;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private volatile Ruleset current;

    public ActiveRuleset(
            RulesProperties settings, List<RulesetCheck> checks, Clock clock, ApplicationEventPublisher events) {
        this.folder = settings.path();
        this.checks = List.copyOf(checks);
        this.clock = clock;
        this.events = events;
        this.current = build();
    }

    /** Runs {@code use} on the serving ruleset, which stays usable until {@code use} returns even if a reload replaces it. */
    public <T> T withCurrent(Function<Ruleset, T> use) {
        while (true) {
            Ruleset ruleset = current;
            if (ruleset.tryLease()) {
                try {
                    return use.apply(ruleset);
                } finally {
                    ruleset.release();
                }
            }
            // a reload retired it between the read and the lease: take its successor; none after shutdown
            if (ruleset == current) {
                throw new IllegalStateException("the ruleset is closed: Podloop is shutting down");
            }
        }
    }

    // The catalogues are values that outlive their KieBase, so reading them needs no lease.

    public WorkTracking workTracking() {
        return withCurrent(Ruleset::workTracking);
    }

    public MetricCatalogue metrics() {
        return current.metrics();
    }

    public List<Intervention> interventions() {
        return current.interventions();
    }

    public Optional<Intervention> intervention(String id) {
        return current.intervention(id);
    }

    public String version() {
        return current.version();
    }

    /** The serving ruleset: version, when it was loaded, and every rule with its metadata. */
    public RulesetInfo info() {
        return withCurrent(Ruleset::info);
    }

    /**
     * Builds, checks and activates the folder's current content and publishes {@link RulesetActivated}
     * when the version changed; throws {@link RulesetBuildException} and changes nothing if it fails.
     */
    @Transactional
    public RulesetInfo reload() {
        RulesetActivated swapped = swap();
        if (swapped != null) {
            events.publishEvent(swapped);
        }
        return info();
    }

    /** The swap, or null when the folder still holds the serving version. */
    private synchronized RulesetActivated swap() {
        Ruleset candidate = build();
        Ruleset previous = current;
        if (candidate.version().equals(previous.version())) {
            candidate.close();
            return null;
        }
        current = candidate;
        previous.retire();
        return new RulesetActivated(candidate.version(), previous.version());
    }

    /** Builds and checks the folder's content without activating it (for back-tests); the caller closes it. */
    public Ruleset candidate() {
        return build();
    }

    private Ruleset build() {
        Ruleset built = Ruleset.build(folder, clock.instant());
        try {
            checks.forEach(check -> check.check(built));
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
