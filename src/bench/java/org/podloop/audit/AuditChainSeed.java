package org.podloop.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A long audit chain without waiting for it: {@code count} valid entries (format 2, hashed as the
 * application hashes them, each linked to the one before) appended to the stored chain by JDBC batches in
 * one transaction that holds the head, as appending does. Loop steps of a pod member on her team's loop,
 * so that verification checks scope and roles on every one.
 */
public final class AuditChainSeed {

    private static final int BATCH = 5000;

    private AuditChainSeed() {}

    public static void append(Connection sql, int count) throws SQLException {
        boolean autoCommit = sql.getAutoCommit();
        sql.setAutoCommit(false);
        try (PreparedStatement head =
                        sql.prepareStatement("select last_hash, entry_count, last_id from audit_head where id = "
                                + AuditHead.ID + " for update");
                PreparedStatement insert = sql.prepareStatement(
                        "insert into audit_entries (id, format, recorded_at, kind, loop_id, team, actor, actor_roles,"
                                + " content, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement advance = sql.prepareStatement(
                        "update audit_head set last_hash = ?, entry_count = ?, last_id = ? where id = "
                                + AuditHead.ID)) {
            String previous;
            long entries;
            long lastId;
            try (ResultSet row = head.executeQuery()) {
                row.next();
                previous = row.getString(1);
                entries = row.getLong(2);
                lastId = row.getLong(3);
            }
            Instant start = Instant.now().minus(count, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MICROS);
            UUID loop = UUID.randomUUID();
            for (int i = 0; i < count; i++) {
                if (i % 12 == 0) {
                    loop = UUID.randomUUID();
                }
                String team = "seed" + (i % 40);
                AuditEntry entry = new AuditEntry(
                        lastId + i + 1,
                        start.plusSeconds(i),
                        "TASK_COMPLETED",
                        loop,
                        team,
                        "paula",
                        "pod-" + team,
                        "{\"detail\":{\"submitted\":{\"interventionId\":\"speak-up-round\"},"
                                + "\"task\":\"Task_ChooseIntervention\"},\"iteration\":1}",
                        previous);
                insert.setLong(1, entry.id());
                insert.setInt(2, entry.format());
                insert.setObject(3, entry.recordedAt().atOffset(ZoneOffset.UTC));
                insert.setString(4, entry.kind());
                insert.setObject(5, entry.loopId());
                insert.setString(6, entry.team());
                insert.setString(7, entry.actor());
                insert.setString(8, entry.actorRoles());
                insert.setString(9, entry.content());
                insert.setString(10, entry.previousHash());
                insert.setString(11, entry.hash());
                insert.addBatch();
                previous = entry.hash();
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    insert.executeBatch();
                }
            }
            advance.setString(1, previous);
            advance.setLong(2, entries + count);
            advance.setLong(3, lastId + count);
            advance.executeUpdate();
            sql.commit();
        } catch (SQLException | RuntimeException e) {
            sql.rollback();
            throw e;
        } finally {
            sql.setAutoCommit(autoCommit);
        }
    }
}
