package org.podloop.intake;

import org.podloop.classification.Classification;
import org.podloop.classification.ClassificationService;
import org.podloop.loop.LoopService;
import org.podloop.signal.NewSnapshot;
import org.podloop.signal.RecordedSnapshot;
import org.podloop.signal.SignalService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Record → classify → loop, all or nothing; a repeated post answers from what was stored the first time. */
@Service
public class SnapshotIntake {

    private final SignalService signals;
    private final ClassificationService classification;
    private final LoopService loops;

    SnapshotIntake(SignalService signals, ClassificationService classification, LoopService loops) {
        this.signals = signals;
        this.classification = classification;
        this.loops = loops;
    }

    @Transactional
    public IntakeResult receive(String teamKey, NewSnapshot snapshot) {
        RecordedSnapshot recorded = signals.record(teamKey, snapshot);
        var stored = recorded.snapshot();
        if (!recorded.created()) {
            Classification earlier = classification.classificationOf(stored.id())
                    .orElseThrow(() -> new IllegalStateException("snapshot " + stored.id() + " was stored unclassified"));
            return new IntakeResult(stored.id(), earlier.findings(), loops.loopOfSnapshot(stored.id()).orElse(null));
        }
        Classification result = classification.classify(stored);
        return new IntakeResult(stored.id(), result.findings(), loops.onSnapshotClassified(stored, result).orElse(null));
    }
}
