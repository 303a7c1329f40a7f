package org.podloop.classification;

import java.util.List;
import java.util.UUID;

/** Published when a snapshot was classified; {@code patterns} is empty for a healthy team. */
public record SignalsClassified(UUID snapshotId, String teamKey, String rulesetVersion, List<String> patterns) {
}
