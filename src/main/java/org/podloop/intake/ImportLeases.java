package org.podloop.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.podloop.common.ConflictException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets one CSV import per team run at a time, on every node: the lease is a row committed on its own,
 * before the import writes, and removed when the import ends either way.
 */
@Component
class ImportLeases {

    /** A lease not renewed for this long belongs to an import whose node stopped; a batch takes far less. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    ImportLeases(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Takes the team's lease or answers that another import of the team is running. */
    void take(String team) {
        Instant now = clock.instant();
        try {
            ownTransaction.executeWithoutResult(status -> {
                jdbc.update(
                        "delete from import_leases where team_key = ? and taken_at < ?",
                        team,
                        Timestamp.from(now.minus(ABANDONED_AFTER)));
                jdbc.update("insert into import_leases (team_key, taken_at) values (?, ?)", team, Timestamp.from(now));
            });
        } catch (DataIntegrityViolationException taken) {
            throw new ConflictException("another import for team '" + team + "' is running; nothing of this file was"
                    + " stored; send it again when that import has finished");
        }
    }

    /** Tells other nodes that the imports holding these leases are still alive. */
    void renew(Collection<String> teams) {
        if (!teams.isEmpty()) {
            Timestamp now = Timestamp.from(clock.instant());
            ownTransaction.executeWithoutResult(status -> teams.forEach(
                    team -> jdbc.update("update import_leases set taken_at = ? where team_key = ?", now, team)));
        }
    }

    void release(Collection<String> teams) {
        if (!teams.isEmpty()) {
            ownTransaction.executeWithoutResult(
                    status -> teams.forEach(team -> jdbc.update("delete from import_leases where team_key = ?", team)));
        }
    }
}
