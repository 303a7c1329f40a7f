package org.podloop.loop;

import java.util.List;
import java.util.UUID;
import org.podloop.classification.MetricEffect;
import org.podloop.classification.VerificationOutcome;

/**
 * One iteration whose outcome was verified, as governance's reports count it: the patterns it was opened
 * for (its baseline findings), the intervention that ran, the patterns still found in the re-measure
 * snapshot, the overall verification outcome and the change of each targeted metric in its own unit.
 */
public record VerifiedIteration(
        UUID iterationId,
        UUID loopId,
        String teamKey,
        int number,
        String interventionId,
        List<String> baselinePatterns,
        List<String> remeasurePatterns,
        VerificationOutcome outcome,
        List<MetricEffect> effects) {}
