package org.podloop.notification;

import static org.podloop.notification.NudgeEvents.instant;
import static org.podloop.notification.NudgeEvents.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The nudges to deliver ({@code nudges}) and the delivery lease. A node claims a nudge with a conditional
 * update before sending it and finishes it only while it still holds it, so a nudge goes out once even
 * when nodes overlap; one a dead node held is taken over when its hold expires.
 */
@Repository
class Nudges {

    record Nudge(
            UUID id,
            UUID eventId,
            NudgeKind kind,
            Channel channel,
            String recipient,
            String team,
            UUID loopId,
            String subject,
            String body,
            String link,
            NudgeStatus status,
            int attempts,
            Instant nextAttemptAt,
            Instant createdAt,
            Instant sentAt) {}

    private final JdbcTemplate jdbc;

    Nudges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(Nudge nudge) {
        jdbc.update(
                "insert into nudges (id, event_id, kind, priority, channel, recipient, team_key, loop_id, subject,"
                        + " body, link, status, attempts, next_attempt_at, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                nudge.id(),
                nudge.eventId(),
                nudge.kind().name(),
                nudge.kind().priority(),
                nudge.channel().name(),
                nudge.recipient(),
                nudge.team(),
                nudge.loopId(),
                nudge.subject(),
                nudge.body(),
                nudge.link(),
                nudge.status().name(),
                timestamp(nudge.nextAttemptAt()),
                timestamp(nudge.createdAt()));
    }

    /** Due now, tasks first: pending and due, or held by a node whose hold has expired. */
    List<Nudge> due(Instant now, int limit) {
        Timestamp at = timestamp(now);
        return jdbc.query(
                "select * from nudges where (status = 'PENDING' and next_attempt_at <= ?)"
                        + " or (status = 'SENDING' and claimed_until < ?)"
                        + " order by priority, created_at, id fetch first ? rows only",
                this::row,
                at,
                at,
                limit);
    }

    boolean claim(UUID id, String node, Instant now, Instant until) {
        Timestamp at = timestamp(now);
        return jdbc.update(
                        "update nudges set status = 'SENDING', claimed_by = ?, claimed_until = ?,"
                                // taking over a dead node's claim counts as an attempt: a nudge that kills
                                // its sender is not tried for ever
                                + " attempts = attempts + case when status = 'SENDING' then 1 else 0 end"
                                + " where id = ?"
                                + " and ((status = 'PENDING' and next_attempt_at <= ?)"
                                + " or (status = 'SENDING' and claimed_until < ?))",
                        node,
                        timestamp(until),
                        id,
                        at,
                        at)
                == 1;
    }

    /** Ends a held nudge with its final status; false when this node no longer holds it. */
    boolean finish(UUID id, String node, NudgeStatus status, Instant at, String error) {
        return jdbc.update(
                        "update nudges set status = ?, sent_at = ?, last_error = ?, claimed_by = null,"
                                + " claimed_until = null where id = ? and status = 'SENDING' and claimed_by = ?",
                        status.name(),
                        status == NudgeStatus.SENT ? timestamp(at) : null,
                        error,
                        id,
                        node)
                == 1;
    }

    /** Puts a held nudge back for a later attempt (after a failure it counts as one; quiet hours do not). */
    boolean later(UUID id, String node, Instant next, boolean failedAttempt, String error) {
        return jdbc.update(
                        "update nudges set status = 'PENDING', next_attempt_at = ?, attempts = attempts + ?,"
                                + " last_error = ?, claimed_by = null, claimed_until = null"
                                + " where id = ? and status = 'SENDING' and claimed_by = ?",
                        timestamp(next),
                        failedAttempt ? 1 : 0,
                        error,
                        id,
                        node)
                == 1;
    }

    /** Mails sent to the person since then, for the weekly cap. */
    int mailsSentSince(String user, Instant since) {
        Integer count = jdbc.queryForObject(
                "select count(*) from nudges where channel = 'EMAIL' and recipient = ? and status = 'SENT'"
                        + " and sent_at >= ?",
                Integer.class,
                user,
                timestamp(since));
        return count == null ? 0 : count;
    }

    /** The person's own nudges since then, newest first (whatever became of their mail). */
    List<Nudge> recentFor(String user, Instant since, int limit) {
        return jdbc.query(
                "select * from nudges where channel = 'EMAIL' and recipient = ? and created_at >= ?"
                        + " order by created_at desc, priority fetch first ? rows only",
                this::row,
                user,
                timestamp(since),
                limit);
    }

    /** Takes or renews the delivery lease; true while this node holds it. */
    boolean lease(String node, Instant now, Instant until) {
        return jdbc.update(
                        "update nudge_dispatch_lease set holder = ?, held_until = ? where id = 1"
                                + " and (holder is null or holder = ? or held_until < ?)",
                        node,
                        timestamp(until),
                        node,
                        timestamp(now))
                == 1;
    }

    void release(String node) {
        jdbc.update(
                "update nudge_dispatch_lease set holder = null, held_until = null where id = 1 and holder = ?", node);
    }

    private Nudge row(ResultSet rs, int row) throws SQLException {
        return new Nudge(
                rs.getObject("id", UUID.class),
                rs.getObject("event_id", UUID.class),
                NudgeKind.valueOf(rs.getString("kind")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("recipient"),
                rs.getString("team_key"),
                rs.getObject("loop_id", UUID.class),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("link"),
                NudgeStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("sent_at")));
    }
}
