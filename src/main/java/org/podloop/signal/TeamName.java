package org.podloop.signal;

/** A team as a list to pick from shows it: its key and its name, without asking the directory for its pod. */
public record TeamName(String key, String name) {}
