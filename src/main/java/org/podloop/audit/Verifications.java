package org.podloop.audit;

import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.podloop.audit.ChainCheck.FullRun;
import org.podloop.audit.ChainWalker.Walk;
import org.podloop.common.ConflictException;
import org.podloop.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Full re-verifications on demand, one at a time across every node: each runs in the background and keeps
 * its progress in the database, so that any node answers how far it got. One whose node stopped (no
 * progress for {@link #ABANDONED_AFTER}) counts as abandoned and no longer blocks the next.
 */
@Service
class Verifications {

    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(Verifications.class);
    private static final String COLUMNS = "id, started_by, started_at, updated_at, finished_at, state, done, total,"
            + " last_entry_id, intact, first_broken_entry_id, problem";

    enum State {
        RUNNING,
        FINISHED,
        /** The run stopped on an error (the database went away, say); it found nothing either way. */
        FAILED,
        ABANDONED
    }

    /** A full re-verification as the API shows it: progress while it runs, the result once finished. */
    record Verification(
            UUID id,
            State state,
            String startedBy,
            Instant startedAt,
            Instant updatedAt,
            Instant finishedAt,
            long done,
            long total,
            Long throughEntryId,
            Boolean intact,
            Long firstBrokenEntryId,
            String problem) {}

    private final JdbcTemplate jdbc;
    private final ChainVerifier verifier;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "audit-full-verification");
        thread.setDaemon(true);
        return thread;
    });

    Verifications(JdbcTemplate jdbc, ChainVerifier verifier, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.verifier = verifier;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Starts one in the background; a conflict while another runs on any node. */
    Verification start(String startedBy) {
        UUID id = transaction.execute(status -> {
            // the checkpoint row serializes starts on every node: two requests cannot both find none running
            jdbc.queryForObject("select entry_id from audit_checkpoint where id = 1 for update", Long.class);
            Instant now = clock.instant();
            jdbc.update(
                    "update audit_verifications set state = ? where state = ? and updated_at < ?",
                    State.ABANDONED.name(),
                    State.RUNNING.name(),
                    utc(now.minus(ABANDONED_AFTER)));
            List<UUID> running = jdbc.queryForList(
                    "select id from audit_verifications where state = ?", UUID.class, State.RUNNING.name());
            if (!running.isEmpty()) {
                throw new ConflictException("a full re-verification is running already: see /api/audit/verifications/"
                        + running.get(0) + "; start another when it has finished");
            }
            UUID created = UUID.randomUUID();
            jdbc.update(
                    "insert into audit_verifications (id, started_by, started_at, updated_at, state, done, total)"
                            + " values (?, ?, ?, ?, ?, 0, 0)",
                    created,
                    startedBy,
                    utc(now),
                    utc(now),
                    State.RUNNING.name());
            return created;
        });
        runner.execute(() -> run(id));
        return verification(id);
    }

    Verification verification(UUID id) {
        return jdbc.query("select " + COLUMNS + " from audit_verifications where id = ?", this::read, id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("no audit verification " + id));
    }

    /** The newest finished one, which the incremental check reports with its own result. */
    FullRun lastFinished() {
        return jdbc
                .query(
                        "select " + COLUMNS + " from audit_verifications where state = ? order by finished_at desc"
                                + " limit 1",
                        this::read,
                        State.FINISHED.name())
                .stream()
                .findFirst()
                .map(v -> new FullRun(
                        v.id(),
                        v.finishedAt(),
                        v.done(),
                        v.throughEntryId(),
                        Boolean.TRUE.equals(v.intact()),
                        v.firstBrokenEntryId(),
                        v.problem()))
                .orElse(null);
    }

    private void run(UUID id) {
        try {
            Walk walk = verifier.full(new ChainVerifier.Progress() {
                @Override
                public void total(long entries) {
                    jdbc.update(
                            "update audit_verifications set total = ?, updated_at = ? where id = ?",
                            entries,
                            utc(clock.instant()),
                            id);
                }

                @Override
                public void done(long entries) {
                    jdbc.update(
                            "update audit_verifications set done = ?, updated_at = ? where id = ?",
                            entries,
                            utc(clock.instant()),
                            id);
                }
            });
            Instant now = clock.instant();
            jdbc.update(
                    "update audit_verifications set state = ?, updated_at = ?, finished_at = ?, done = ?,"
                            + " last_entry_id = ?, intact = ?, first_broken_entry_id = ?, problem = ? where id = ?",
                    State.FINISHED.name(),
                    utc(now),
                    utc(now),
                    walk.reached().entries(),
                    walk.reached().entryId() == 0 ? null : walk.reached().entryId(),
                    walk.intact(),
                    walk.brokenEntryId(),
                    walk.problem(),
                    id);
        } catch (RuntimeException e) {
            log.error("The full re-verification {} stopped", id, e);
            jdbc.update(
                    "update audit_verifications set state = ?, finished_at = ?, problem = ? where id = ?",
                    State.FAILED.name(),
                    utc(clock.instant()),
                    "the verification stopped on an error before the end; start another",
                    id);
        }
    }

    private Verification read(ResultSet row, int number) throws SQLException {
        Instant updatedAt = instant(row, "updated_at");
        State state = State.valueOf(row.getString("state"));
        if (state == State.RUNNING && updatedAt.isBefore(clock.instant().minus(ABANDONED_AFTER))) {
            state = State.ABANDONED;
        }
        return new Verification(
                row.getObject("id", UUID.class),
                state,
                row.getString("started_by"),
                instant(row, "started_at"),
                updatedAt,
                instant(row, "finished_at"),
                row.getLong("done"),
                row.getLong("total"),
                row.getObject("last_entry_id", Long.class),
                row.getObject("intact", Boolean.class),
                row.getObject("first_broken_entry_id", Long.class),
                row.getString("problem"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
