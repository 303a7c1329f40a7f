package org.podloop.classification;

import java.util.List;
import java.util.Map;

/** A rule that fired: its name, its metadata (pattern, description, …) and the facts it matched. */
public record FiredRule(String name, Map<String, String> metadata, List<String> matched) {}
