package org.podloop.common;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Tells a request that failed because the database cannot be reached (down, restarting, the pool out of
 * connections for longer than its timeout) from other failures, however deep it is wrapped, and answers
 * it alike on every path: 503 problem JSON with {@code Retry-After}. Nothing of such a request was stored
 * (its transaction never began or could not commit), so a client may safely send it again.
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait before sending the request again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public static final String DETAIL = "the database cannot be reached just now, so nothing of this request was"
            + " stored; send it again in a few seconds";

    private static final List<Class<? extends Throwable>> OUTAGES = List.of(
            CannotGetJdbcConnectionException.class,
            DataAccessResourceFailureException.class,
            SQLTransientConnectionException.class,
            SQLNonTransientConnectionException.class,
            ConnectException.class);

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
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", DETAIL)
                .build();
    }
}
