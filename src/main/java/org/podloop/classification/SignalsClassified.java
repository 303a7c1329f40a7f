package org.podloop.classification;

import java.util.List;
import java.util.UUID;

/** Published when a snapshot was classified; {@code findings} is empty for a healthy team. */
public record SignalsClassified(UUID snapshotId, String teamKey, String rulesetVersion, List<FindingView> findings) {}
