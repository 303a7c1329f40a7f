package org.podloop.common;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.hibernate.StaleStateException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Tells the loser of a race for the same rows (a unique key, a version, a lock wait) from other
 * failures, however deep it is wrapped: Spring's data-access exceptions, JPA's and the engine's
 * locking exceptions, and a bare {@link SQLException} that Camunda or Hibernate passed on
 * untranslated, classified by Spring's translator for the database in use.
 */
@Component
class LostRaces {

    private static final List<Class<? extends Exception>> RACES = List.of(
            DataIntegrityViolationException.class,
            ConcurrencyFailureException.class,
            OptimisticLockException.class,
            PessimisticLockException.class,
            LockTimeoutException.class,
            StaleStateException.class,
            OptimisticLockingException.class);

    private final SQLExceptionTranslator sql;

    LostRaces(DataSource dataSource) {
        this.sql = new SQLErrorCodeSQLExceptionTranslator(dataSource);
    }

    boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Throwable current = t;
            if (RACES.stream().anyMatch(race -> race.isInstance(current))) {
                return true;
            }
            if (t instanceof SQLException e) {
                DataAccessException translated = sql.translate("", null, e);
                if (translated instanceof DataIntegrityViolationException
                        || translated instanceof ConcurrencyFailureException) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
