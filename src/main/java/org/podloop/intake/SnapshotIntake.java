package org.podloop.intake;

import java.util.concurrent.ThreadLocalRandom;
import org.podloop.classification.Classification;
import org.podloop.classification.ClassificationService;
import org.podloop.loop.LoopService;
import org.podloop.signal.NewSnapshot;
import org.podloop.signal.RecordedSnapshot;
import org.podloop.signal.SignalService;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Record → classify → loop, all or nothing; a repeated post answers from what was stored the first time.
 *
 * <p>Concurrent posts of one snapshot (or of two snapshots opening a team's first loop) are settled by
 * the database's unique constraints: the losing transaction rolls back whole, and its retry sees the
 * winner's committed result.
 */
@Service
public class SnapshotIntake {

    private static final int ATTEMPTS = 4;

    private final SignalService signals;
    private final ClassificationService classification;
    private final LoopService loops;
    private final TransactionTemplate transaction;

    SnapshotIntake(
            SignalService signals,
            ClassificationService classification,
            LoopService loops,
            TransactionTemplate transaction) {
        this.signals = signals;
        this.classification = classification;
        this.loops = loops;
        this.transaction = transaction;
    }

    public IntakeResult receive(String teamKey, NewSnapshot snapshot) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> receiveOnce(teamKey, snapshot));
            } catch (DataIntegrityViolationException | ConcurrencyFailureException lostRace) {
                // A unique constraint (PostgreSQL) or a lock timeout (H2) tells the loser of a race apart.
                if (attempt == ATTEMPTS) {
                    throw lostRace;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 80) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a snapshot", e);
        }
    }

    private IntakeResult receiveOnce(String teamKey, NewSnapshot snapshot) {
        RecordedSnapshot recorded = signals.record(teamKey, snapshot);
        var stored = recorded.snapshot();
        if (!recorded.created()) {
            Classification earlier = classification
                    .classificationOf(stored.id())
                    .orElseThrow(
                            () -> new IllegalStateException("snapshot " + stored.id() + " was stored unclassified"));
            return new IntakeResult(
                    stored.id(),
                    earlier.findings(),
                    loops.loopOfSnapshot(stored.id()).orElse(null));
        }
        Classification result = classification.classify(stored);
        return new IntakeResult(
                stored.id(),
                result.findings(),
                loops.onSnapshotClassified(stored, result).orElse(null));
    }
}
