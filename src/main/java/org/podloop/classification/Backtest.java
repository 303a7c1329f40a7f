package org.podloop.classification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the folder's current rules would have decided on the stored snapshots of a time range,
 * compared with what was decided then; only teams with a difference are listed.
 */
public record Backtest(
        String candidateVersion,
        String activeVersion,
        Instant from,
        Instant to,
        int snapshots,
        List<TeamChanges> teams) {

    public enum Kind {
        APPEARED,
        DISAPPEARED,
        SEVERITY_CHANGED
    }

    public record TeamChanges(String team, List<Change> changes) {}

    public record Change(
            UUID snapshotId,
            String externalId,
            Instant measuredAt,
            String pattern,
            Kind kind,
            String decidedSeverity,
            String candidateSeverity,
            String decidedByVersion) {}
}
