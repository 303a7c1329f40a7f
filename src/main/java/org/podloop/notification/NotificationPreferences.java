package org.podloop.notification;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The people's preferences ({@code notification_preferences}); without a row, the defaults. */
@Repository
class NotificationPreferences {

    private final JdbcTemplate jdbc;

    NotificationPreferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Preferences> find(String user) {
        return jdbc
                .query(
                        "select * from notification_preferences where user_id = ?",
                        (rs, row) -> new Preferences(
                                rs.getBoolean("email_enabled"),
                                ZoneId.of(rs.getString("time_zone")),
                                time(rs.getString("quiet_from")),
                                time(rs.getString("quiet_to")),
                                rs.getDate("paused_until") == null
                                        ? null
                                        : rs.getDate("paused_until").toLocalDate()),
                        user)
                .stream()
                .findFirst();
    }

    /** Replaces her preferences; a concurrent first save of the same person loses as a duplicate key (409). */
    void save(String user, Preferences preferences, Instant now) {
        Object[] values = {
            preferences.email(),
            preferences.zone().getId(),
            text(preferences.quietFrom()),
            text(preferences.quietTo()),
            preferences.pausedUntil() == null ? null : Date.valueOf(preferences.pausedUntil()),
            Timestamp.from(now),
            user
        };
        int updated = jdbc.update(
                "update notification_preferences set email_enabled = ?, time_zone = ?, quiet_from = ?, quiet_to = ?,"
                        + " paused_until = ?, updated_at = ? where user_id = ?",
                values);
        if (updated == 0) {
            jdbc.update(
                    "insert into notification_preferences (email_enabled, time_zone, quiet_from, quiet_to,"
                            + " paused_until, updated_at, user_id) values (?, ?, ?, ?, ?, ?, ?)",
                    values);
        }
    }

    private static LocalTime time(String text) {
        return text == null ? null : LocalTime.parse(text);
    }

    private static String text(LocalTime time) {
        return time == null ? null : time.toString();
    }
}
