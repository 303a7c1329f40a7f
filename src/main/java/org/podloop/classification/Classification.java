package org.podloop.classification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The findings for one snapshot, as decided by one ruleset version. */
public record Classification(
        UUID snapshotId, String rulesetVersion, Instant classifiedAt, List<FindingView> findings) {}
