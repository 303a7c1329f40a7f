package org.podloop.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a request that failed because the database cannot be reached (down, restarting, the pool out of
 * connections for longer than its timeout) from other failures, however deep it is wrapped, and answers
 * it alike on every path: 503 problem JSON with {@code Retry-After}, saying whether nothing was stored (no
 * connection to begin with) or the request may have been stored (the connection broke on the way, perhaps
 * after a commit reached the database).
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait before sending the request again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** No connection to begin with: the request's transaction never began. */
    public static final String NOTHING_STORED = "the database cannot be reached just now, so nothing of this"
            + " request was stored; send it again in a few seconds";

    /** The connection broke on the way: a commit may have reached the database before it did. */
    public static final String MAYBE_STORED = "the connection to the database broke while this request ran, so it"
            + " may or may not have been stored; check before sending it again (a snapshot or import with the same"
            + " externalId is stored once however often it is sent)";

    private static final List<Class<? extends Throwable>> OUTAGES = List.of(
            CannotGetJdbcConnectionException.class,
            CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class,
            SQLTransientConnectionException.class,
            SQLNonTransientConnectionException.class);

    private static final String HIKARI_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    /** Failures of getting a connection at all, before any statement of the request ran. */
    private static final List<Class<? extends Throwable>> BEFORE_ANY_WORK = List.of(
            CannotGetJdbcConnectionException.class,
            CannotCreateTransactionException.class,
            SQLTransientConnectionException.class);

    private DatabaseOutage() {}

    /** Whether {@code failure} comes from the database being out of reach. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Throwable current = t;
            if (OUTAGES.stream().anyMatch(outage -> outage.isInstance(current))) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01–57P03: the server shuts down or cannot take connections
            if (t instanceof SQLException e
                    && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (onAClosedPoolConnection(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Once Hikari has evicted a connection as broken, every later call on it (the request's rollback, say)
     * fails with "Connection is closed" and no SQLSTATE; Spring then throws that rollback failure instead
     * of the failure that broke the connection.
     */
    private static boolean onAClosedPoolConnection(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        return t instanceof SQLException e
                && e.getSQLState() == null
                && frames.length > 0
                && frames[0].getClassName().equals(HIKARI_CLOSED_CONNECTION);
    }

    /** The answer to {@code failure}: whether anything may have been stored depends on where it broke. */
    public static String detail(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            Throwable current = t;
            if (BEFORE_ANY_WORK.stream().anyMatch(type -> type.isInstance(current))) {
                return NOTHING_STORED;
            }
        }
        return MAYBE_STORED;
    }

    public static ProblemDetail problem(Throwable failure) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail(failure))
                .build();
    }
}
