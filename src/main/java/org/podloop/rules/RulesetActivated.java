package org.podloop.rules;

/** Published when a reload put a new ruleset version into service. */
public record RulesetActivated(String version, String previousVersion) {}
