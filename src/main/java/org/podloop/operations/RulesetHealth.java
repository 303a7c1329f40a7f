package org.podloop.operations;

import org.podloop.classification.ClassificationService;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness needs a ruleset that serves; its version is shown. */
@Component("ruleset")
class RulesetHealth implements HealthIndicator {

    private final ClassificationService classification;

    RulesetHealth(ClassificationService classification) {
        this.classification = classification;
    }

    @Override
    public Health health() {
        try {
            return Health.up()
                    .withDetail("version", classification.activeVersion())
                    .build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
