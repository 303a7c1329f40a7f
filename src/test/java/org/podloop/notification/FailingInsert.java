package org.podloop.notification;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** An H2 trigger that fails an engine insert while armed: a step that rolls back after its nudge was written. */
public class FailingInsert implements Trigger {

    static volatile boolean armed;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (armed) {
            throw new SQLException("the test failed this task's insert");
        }
    }
}
