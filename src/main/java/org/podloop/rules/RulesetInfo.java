package org.podloop.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The active ruleset: its version (content hash), when it was loaded, and every rule with its metadata. */
public record RulesetInfo(String version, Instant loadedAt, List<Rule> rules) {

    public record Rule(String name, String drlPackage, Map<String, String> metadata) {}
}
