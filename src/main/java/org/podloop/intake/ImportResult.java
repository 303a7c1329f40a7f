package org.podloop.intake;

import java.util.List;

/**
 * What a CSV import did: snapshots created, already there unchanged, and rejected, with every bad
 * line (the first {@value SnapshotImport#MAX_LISTED_ERRORS} of them) and how many there were.
 */
public record ImportResult(int created, int unchanged, int rejected, int errorCount, List<LineError> errors) {

    /** A bad line of the file and why. */
    public record LineError(long line, String reason) {}
}
