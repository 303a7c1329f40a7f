package org.podloop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures are the database being out of reach (answered 503, to be sent again) and which are not. */
class DatabaseOutageTest {

    @Test
    void thePoolTimingOutOrTheServerShuttingDownIsAnOutageHoweverDeepItIsWrapped() {
        var poolTimedOut = new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
        var adminShutdown = new RuntimeException(
                "ENGINE-03004", new RuntimeException(new SQLException("terminating connection", "57P01")));
        var connectionLost = new IllegalStateException(new SQLException("An I/O error occurred", "08006"));

        assertThat(DatabaseOutage.causedBy(poolTimedOut)).isTrue();
        assertThat(DatabaseOutage.causedBy(adminShutdown)).isTrue();
        assertThat(DatabaseOutage.causedBy(connectionLost)).isTrue();
    }

    @Test
    void theAnswerSaysNothingWasStoredOnlyWhenNoConnectionWasHad() {
        var poolTimedOut = new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
        // the connection broke on the way, perhaps after the commit reached the database
        var brokeAtCommit = new IllegalStateException(new SQLException("An I/O error occurred", "08006"));

        assertThat(DatabaseOutage.detail(poolTimedOut)).isEqualTo(DatabaseOutage.NOTHING_STORED);
        assertThat(DatabaseOutage.detail(brokeAtCommit)).isEqualTo(DatabaseOutage.MAYBE_STORED);
    }

    @Test
    void aLostRaceOrABugIsNot() {
        var uniqueViolation = new DataIntegrityViolationException(
                "duplicate key", new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(DatabaseOutage.causedBy(uniqueViolation)).isFalse();
        assertThat(DatabaseOutage.causedBy(new NullPointerException())).isFalse();
        var problem = DatabaseOutage.problem(new SQLTransientConnectionException("HikariPool-1 - timed out"));
        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getDetail()).doesNotContain("SQL", "Exception", "Hikari");
    }
}
