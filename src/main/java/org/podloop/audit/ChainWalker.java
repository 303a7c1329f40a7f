package org.podloop.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Walks the chain from a verified position: every entry must link to the one before, match its hash,
 * keep the scoped format once it began, and have an actor allowed on its loop. Reads plain rows in
 * pages by id (no entities, no long transaction), so that a million entries walk in seconds.
 */
@Component
class ChainWalker {

    private static final int PAGE = 5000;

    /** Where a walk stands: the last entry verified, its hash, and how many entries the chain has up to it. */
    record Position(long entryId, String hash, long entries) {
        static final Position START = new Position(0, "", 0);
    }

    /** How a walk ended: where it got to, the first entry it checked, and the broken entry and why, if any. */
    record Walk(Position reached, Long firstEntryId, Long brokenEntryId, String problem) {
        boolean intact() {
            return problem == null;
        }

        long walked(Position from) {
            return reached.entries() - from.entries();
        }
    }

    private final JdbcTemplate jdbc;
    private final ActingScope scope;

    ChainWalker(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.scope = new ActingScope(json);
    }

    /**
     * Walks the entries after {@code from} until the chain holds {@code headEntries} (entries appended after
     * the head was read are left for the next walk); {@code progress} hears the count walked after each page.
     * {@code scoped}: whether the entry at {@code from} is of the scoped format (no legacy entry may follow it).
     */
    Walk walk(Position from, boolean scoped, long headEntries, LongConsumer progress) {
        Position at = from;
        Long first = null;
        while (at.entries() < headEntries) {
            List<AuditEntry> page = jdbc.query(
                    "select id, format, recorded_at, kind, loop_id, team, actor, actor_roles, content, previous_hash,"
                            + " hash from audit_entries where id > ? order by id limit ?",
                    ChainWalker::entry,
                    at.entryId(),
                    (int) Math.min(PAGE, headEntries - at.entries()));
            if (page.isEmpty()) {
                break;
            }
            for (AuditEntry entry : page) {
                if (first == null) {
                    first = entry.id();
                }
                Optional<String> problem = problemOf(entry, at.hash(), scoped);
                if (problem.isPresent()) {
                    return new Walk(at, first, entry.id(), problem.get());
                }
                scoped = entry.format() != AuditEntry.LEGACY_FORMAT;
                at = new Position(entry.id(), entry.hash(), at.entries() + 1);
            }
            progress.accept(at.entries() - from.entries());
        }
        if (at.entries() < headEntries) {
            return new Walk(
                    at,
                    first,
                    at.entryId() == 0 ? null : at.entryId(),
                    "the chain ends here, but " + headEntries + " entries were written (the newest were removed)");
        }
        return new Walk(at, first, null, null);
    }

    /** What is wrong with the entry that follows {@code previousHash}, if anything. */
    Optional<String> problemOf(AuditEntry entry, String previousHash, boolean scopedBefore) {
        if (!entry.previousHash().equals(previousHash)) {
            return Optional.of("does not link to the entry before it (an entry was removed or changed before it)");
        }
        if (!entry.computeHash().equals(entry.hash())) {
            return Optional.of("its content does not match its hash (it was changed)");
        }
        if (scopedBefore && entry.format() == AuditEntry.LEGACY_FORMAT) {
            return Optional.of("it is in the old format after entries of the new one (its format was changed)");
        }
        return scope.refusal(entry).map(why -> "its actor was not allowed on its loop: " + why);
    }

    /** One stored entry by id, for checking the checkpoint's own entry. */
    Optional<AuditEntry> entry(long id) {
        return jdbc
                .query(
                        "select id, format, recorded_at, kind, loop_id, team, actor, actor_roles, content,"
                                + " previous_hash, hash from audit_entries where id = ?",
                        ChainWalker::entry,
                        id)
                .stream()
                .findFirst();
    }

    private static AuditEntry entry(ResultSet row, int number) throws SQLException {
        Number format = (Number) row.getObject("format");
        return new AuditEntry(
                row.getLong("id"),
                format == null ? null : format.intValue(),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                row.getString("kind"),
                row.getObject("loop_id", UUID.class),
                row.getString("team"),
                row.getString("actor"),
                row.getString("actor_roles"),
                row.getString("content"),
                row.getString("previous_hash"),
                row.getString("hash"));
    }
}
