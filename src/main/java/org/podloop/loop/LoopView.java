package org.podloop.loop;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.podloop.classification.FindingView;
import org.podloop.classification.Verification;

/** A loop as governance and clients read it: its iterations and every step with actor and time. */
public record LoopView(
        UUID id,
        String team,
        LoopStatus status,
        Instant openedAt,
        Instant endedAt,
        int maxIterations,
        List<Iteration> iterations,
        List<Step> timeline) {

    public record Iteration(
            int number,
            Instant startedAt,
            Instant endedAt,
            UUID baselineSnapshotId,
            List<FindingView> baselineFindings,
            String interventionId,
            UUID remeasureSnapshotId,
            Verification verification,
            Decision decision,
            String rationale) {}

    public record Step(
            Instant at, TimelineType type, Integer iteration, String actor, UUID snapshotId, JsonNode detail) {}
}
