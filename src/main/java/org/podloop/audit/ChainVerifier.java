package org.podloop.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.podloop.audit.ChainCheck.Checkpoint;
import org.podloop.audit.ChainCheck.FullRun;
import org.podloop.audit.ChainCheck.Mode;
import org.podloop.audit.ChainCheck.Range;
import org.podloop.audit.ChainWalker.Position;
import org.podloop.audit.ChainWalker.Walk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Verification in two depths. The incremental check trusts the checkpoint (the newest entry verified
 * before) as far as checks that cost the same at any length allow: that entry is still there with the hash
 * it was verified with and a content that matches it; then it re-hashes every entry after it, each linked
 * to the one before from the checkpoint on, and the end must be the head (its hash and its count of entries
 * written). Anything before the checkpoint (an entry changed, removed or inserted) is found only by the full
 * re-verification, which re-hashes every entry from the first: counting the stored entries alone is linear
 * in the chain's length on PostgreSQL and H2 alike. Both move the checkpoint to where they verified.
 */
@Component
class ChainVerifier {

    private final JdbcTemplate jdbc;
    private final ChainWalker walker;
    private final Clock clock;

    ChainVerifier(JdbcTemplate jdbc, ChainWalker walker, Clock clock) {
        this.jdbc = jdbc;
        this.walker = walker;
        this.clock = clock;
    }

    private record Head(String lastHash, long entries) {}

    private record Stored(Position position, Instant verifiedAt) {}

    /** The incremental check; a break the last full re-verification found stands until a full one passes again. */
    ChainCheck quick(FullRun lastFull) {
        Instant now = clock.instant();
        Head head = head();
        Stored checkpoint = checkpoint();
        Position from = checkpoint.position();
        Checkpoint relied =
                from.entryId() == 0 ? null : new Checkpoint(from.entryId(), from.entries(), checkpoint.verifiedAt());
        boolean scoped = false;
        if (from.entryId() > 0) {
            Optional<AuditEntry> entry = walker.entry(from.entryId());
            Optional<String> problem = entry.isEmpty()
                    ? Optional.of("it was verified at " + checkpoint.verifiedAt() + " and has been removed since")
                    : !entry.get().hash().equals(from.hash())
                            ? Optional.of("its hash changed since it was verified at " + checkpoint.verifiedAt())
                            : !entry.get().computeHash().equals(from.hash())
                                    ? Optional.of("its content does not match its hash (it was changed)")
                                    : Optional.empty();
            if (problem.isPresent()) {
                return new ChainCheck(
                        false,
                        from.entries(),
                        from.entryId(),
                        problem.get(),
                        Mode.INCREMENTAL,
                        now,
                        new Range(null, null, 0),
                        relied,
                        lastFull);
            }
            scoped = entry.get().format() != AuditEntry.LEGACY_FORMAT;
        }
        Walk walk = endAtHead(walker.walk(from, scoped, head.entries(), walked -> {}), head);
        Range range = new Range(
                walk.firstEntryId(),
                walk.walked(from) == 0 ? null : walk.reached().entryId(),
                walk.walked(from));
        if (!walk.intact()) {
            return new ChainCheck(
                    false,
                    walk.reached().entries(),
                    walk.brokenEntryId(),
                    walk.problem(),
                    Mode.INCREMENTAL,
                    now,
                    range,
                    relied,
                    lastFull);
        }
        if (walk.walked(from) > 0) {
            advance(walk.reached(), now, false);
        }
        if (lastFull != null && !lastFull.intact()) {
            return new ChainCheck(
                    false,
                    walk.reached().entries(),
                    lastFull.firstBrokenEntryId(),
                    lastFull.problem() + " (found by the full re-verification of " + lastFull.finishedAt()
                            + "; it stands until a full re-verification passes)",
                    Mode.INCREMENTAL,
                    now,
                    range,
                    relied,
                    lastFull);
        }
        return new ChainCheck(
                true, walk.reached().entries(), null, null, Mode.INCREMENTAL, now, range, relied, lastFull);
    }

    /** How a full re-verification reports: its size once the head is read, then the entries done after each page. */
    interface Progress {
        void total(long entries);

        void done(long entries);
    }

    /** Re-hashes every entry from the first up to the head as it is now; on success the checkpoint moves there. */
    Walk full(Progress progress) {
        Head head = head();
        progress.total(head.entries());
        Walk walk = endAtHead(walker.walk(Position.START, false, head.entries(), progress::done), head);
        if (walk.intact()) {
            advance(walk.reached(), clock.instant(), true);
        }
        return walk;
    }

    /** A walk that reached the head's count must end at the head's hash, or the newest entry was replaced. */
    private static Walk endAtHead(Walk walk, Head head) {
        if (walk.intact() && !walk.reached().hash().equals(head.lastHash())) {
            return new Walk(
                    walk.reached(),
                    walk.firstEntryId(),
                    walk.reached().entryId() == 0 ? null : walk.reached().entryId(),
                    "the chain ends here, but the head names another newest entry (the newest were removed or"
                            + " replaced)");
        }
        return walk;
    }

    private Head head() {
        return jdbc.queryForObject(
                "select last_hash, entry_count from audit_head where id = " + AuditHead.ID,
                (row, n) -> new Head(row.getString("last_hash"), row.getLong("entry_count")));
    }

    private Stored checkpoint() {
        return jdbc.queryForObject(
                "select entry_id, entry_hash, entry_count, verified_at from audit_checkpoint where id = 1",
                (row, n) -> new Stored(
                        new Position(row.getLong("entry_id"), row.getString("entry_hash"), row.getLong("entry_count")),
                        row.getObject("verified_at", OffsetDateTime.class).toInstant()));
    }

    /** Moves the checkpoint forward only: a slower check that ends earlier leaves a newer checkpoint alone. */
    private void advance(Position to, Instant at, boolean alsoSameEntry) {
        jdbc.update(
                "update audit_checkpoint set entry_id = ?, entry_hash = ?, entry_count = ?, verified_at = ?"
                        + " where id = 1 and entry_id " + (alsoSameEntry ? "<=" : "<") + " ?",
                to.entryId(),
                to.hash(),
                to.entries(),
                at.atOffset(ZoneOffset.UTC),
                to.entryId());
    }
}
