package org.podloop.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The outbox's events ({@code nudge_events}): written with the step that caused them, fanned out once. */
@Repository
class NudgeEvents {

    record NudgeEvent(
            UUID id,
            NudgeKind kind,
            String team,
            UUID loopId,
            String taskId,
            UUID roundId,
            Instant dueAt,
            Instant createdAt) {}

    private final JdbcTemplate jdbc;

    NudgeEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(NudgeEvent event) {
        jdbc.update(
                "insert into nudge_events (id, kind, team_key, loop_id, task_id, round_id, due_at, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                event.id(),
                event.kind().name(),
                event.team(),
                event.loopId(),
                event.taskId(),
                event.roundId(),
                timestamp(event.dueAt()),
                timestamp(event.createdAt()));
    }

    List<NudgeEvent> waiting(int limit) {
        return jdbc.query(
                "select * from nudge_events where fanned_out_at is null order by created_at, id fetch first ? rows only",
                this::row,
                limit);
    }

    Optional<NudgeEvent> find(UUID id) {
        return jdbc.query("select * from nudge_events where id = ?", this::row, id).stream()
                .findFirst();
    }

    /** Marks the event fanned out unless another node did; true for the one that did (in its transaction). */
    boolean markFannedOut(UUID id, Instant now) {
        return jdbc.update(
                        "update nudge_events set fanned_out_at = ? where id = ? and fanned_out_at is null",
                        timestamp(now),
                        id)
                == 1;
    }

    private NudgeEvent row(ResultSet rs, int row) throws SQLException {
        return new NudgeEvent(
                rs.getObject("id", UUID.class),
                NudgeKind.valueOf(rs.getString("kind")),
                rs.getString("team_key"),
                rs.getObject("loop_id", UUID.class),
                rs.getString("task_id"),
                rs.getObject("round_id", UUID.class),
                instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("created_at")));
    }

    /** As the database keeps it (microseconds), so that an instant compares equal to itself once stored. */
    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
