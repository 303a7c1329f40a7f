package org.podloop.identity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serializes start-up set-up across nodes: two replicas starting together on a fresh database would
 * both find a group, grant or filter missing and both create it. The lock is the row Camunda keeps for
 * its own start-up work ({@code ACT_GE_PROPERTY 'startup.lock'}), held for one transaction.
 */
@Component
class StartupLock {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    StartupLock(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    void exclusively(Runnable work) {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForList("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'startup.lock' for update");
            work.run();
        });
    }
}
