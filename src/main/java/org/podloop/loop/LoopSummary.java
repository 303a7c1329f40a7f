package org.podloop.loop;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of the loop list: with the patterns its current iteration works on, where it stands, and the
 * outcome of its last verified iteration (null before one was verified).
 */
public record LoopSummary(
        UUID id,
        String team,
        LoopStatus status,
        Instant openedAt,
        Instant endedAt,
        int iterations,
        List<String> patterns,
        LoopPhase currentStep,
        String lastOutcome) {

    static LoopSummary of(Loop loop) {
        List<LoopIteration> iterations = loop.iterations();
        LoopIteration current = loop.current();
        String lastOutcome = null;
        for (LoopIteration iteration : iterations) {
            if (iteration.verificationOutcome() != null) {
                lastOutcome = iteration.verificationOutcome();
            }
        }
        return new LoopSummary(
                loop.id(),
                loop.teamKey(),
                loop.status(),
                loop.openedAt(),
                loop.endedAt(),
                iterations.size(),
                current == null ? List.of() : current.patterns(),
                LoopPhase.of(loop),
                lastOutcome);
    }
}
