package org.podloop.rules;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The rules module's settings: {@code podloop.rules.path} is the folder every file of the ruleset is read from. */
@ConfigurationProperties("podloop.rules")
public record RulesProperties(Path path) {

    public RulesProperties {
        if (path == null) {
            throw new IllegalArgumentException("podloop.rules.path must name the rules folder");
        }
    }
}
