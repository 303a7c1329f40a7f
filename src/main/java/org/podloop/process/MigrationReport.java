package org.podloop.process;

import java.util.List;

/** What a migration to the latest version did, instance by instance. */
public record MigrationReport(String processKey, int targetVersion, List<Moved> migrated, List<NotMoved> notMigrated) {

    public record Moved(String processInstanceId, int fromVersion) {}

    public record NotMoved(String processInstanceId, int fromVersion, String reason) {}
}
