package org.podloop.intake;

import java.util.List;
import java.util.UUID;
import org.podloop.classification.FindingView;
import org.podloop.loop.LoopRef;

/** The answer to a posted snapshot: what was stored, what the rules found, and the loop it started or advanced. */
public record IntakeResult(UUID snapshotId, List<FindingView> findings, LoopRef loop) {}
