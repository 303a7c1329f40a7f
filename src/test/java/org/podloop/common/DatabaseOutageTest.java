package org.podloop.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
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

    /** DatabaseOutageIT saw it: the connection was killed mid-request, then the rollback on it failed. */
    @Test
    void aRollbackOnAConnectionThePoolHasClosedIsAnOutageThatMayHaveStoredSomething() throws Exception {
        Field closed = Class.forName("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection")
                .getDeclaredField("CLOSED_CONNECTION");
        closed.setAccessible(true);
        SQLException onClosed = assertThrows(SQLException.class, ((Connection) closed.get(null))::rollback);
        var rollbackFailed = new JpaSystemException(
                new TransactionException("Unable to rollback against JDBC Connection", onClosed));

        assertThat(DatabaseOutage.causedBy(rollbackFailed)).isTrue();
        assertThat(DatabaseOutage.detail(rollbackFailed)).isEqualTo(DatabaseOutage.MAYBE_STORED);
        assertThat(DatabaseOutage.causedBy(new SQLException("Connection is closed")))
                .as("the same words from elsewhere")
                .isFalse();
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
