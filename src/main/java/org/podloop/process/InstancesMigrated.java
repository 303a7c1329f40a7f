package org.podloop.process;

/** Published after a migration to the latest version, with its report. */
public record InstancesMigrated(MigrationReport report, String actor) {}
