package org.podloop.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.springframework.stereotype.Repository;

/** Lets long-running bulk work write what it has so far and forget it, so memory stays flat inside one transaction. */
// A @Repository, so that what a flush runs into (a duplicate key, a lock timeout) arrives as Spring's
// DataAccessException like every repository's failures, and the API answers it as a conflict.
@Repository
public class UnitOfWork {

    private final EntityManager entities;

    UnitOfWork(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * For the rest of the current transaction, write only at {@link #flushAndForget()} and commit, not
     * before every query: lookups between inserts then no longer break JDBC batching.
     */
    public void writeInBatches() {
        entities.setFlushMode(FlushModeType.COMMIT);
    }

    public void flushAndForget() {
        entities.flush();
        entities.clear();
    }
}
