package org.podloop.worksignal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.podloop.classification.FindingView;
import org.podloop.loop.LoopRef;

/**
 * What a work import answers: like a posted snapshot (its id, the findings, the loop), plus each derived
 * metric with its provenance and each metric left out with the reason.
 */
public record WorkImportResult(
        UUID snapshotId,
        List<FindingView> findings,
        LoopRef loop,
        String source,
        LocalDate from,
        LocalDate to,
        int items,
        List<Derived> derived,
        List<LeftOut> leftOut) {

    /** A metric as derived: its value, from how many items, how, from where. */
    public record Derived(String metric, double value, int items, String basis, String provenance) {}
}
