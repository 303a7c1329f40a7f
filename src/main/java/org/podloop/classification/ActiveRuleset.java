package org.podloop.classification;

import java.nio.file.Path;
import java.time.Clock;
import org.podloop.signal.MetricCatalogue;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Holds the ruleset that serves; built from the rules folder at start-up, refusing to start on a broken one. */
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

    Ruleset current() {
        return current;
    }

    private Ruleset build() {
        return Ruleset.build(folder, key -> metrics.find(key).isPresent(), clock.instant());
    }

    @Override
    public void destroy() {
        current.close();
    }
}
