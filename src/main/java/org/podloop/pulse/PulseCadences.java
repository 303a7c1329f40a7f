package org.podloop.pulse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The teams' pulse cadences ({@code pulse_cadences}). */
@Repository
class PulseCadences {

    record Cadence(String team, Duration every, Instant nextAt) {}

    private final JdbcTemplate jdbc;

    PulseCadences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Cadence> find(String team) {
        return jdbc
                .query(
                        "select team_key, every_seconds, next_at from pulse_cadences where team_key = ?",
                        this::row,
                        team)
                .stream()
                .findFirst();
    }

    void save(String team, Duration every, Instant nextAt) {
        int updated = jdbc.update(
                "update pulse_cadences set every_seconds = ?, next_at = ? where team_key = ?",
                every.toSeconds(),
                Timestamp.from(nextAt),
                team);
        if (updated == 0) {
            jdbc.update(
                    "insert into pulse_cadences (team_key, every_seconds, next_at) values (?, ?, ?)",
                    team,
                    every.toSeconds(),
                    Timestamp.from(nextAt));
        }
    }

    void delete(String team) {
        jdbc.update("delete from pulse_cadences where team_key = ?", team);
    }

    List<Cadence> due(Instant now) {
        return jdbc.query(
                "select team_key, every_seconds, next_at from pulse_cadences where next_at <= ? order by next_at",
                this::row,
                Timestamp.from(now));
    }

    /** Moves the cadence on if no other node did since it was read; true for the one that did. */
    boolean claim(Cadence cadence, Instant nextAt) {
        return jdbc.update(
                        "update pulse_cadences set next_at = ? where team_key = ? and next_at = ?",
                        Timestamp.from(nextAt),
                        cadence.team(),
                        Timestamp.from(cadence.nextAt()))
                == 1;
    }

    private Cadence row(ResultSet rs, int row) throws SQLException {
        return new Cadence(
                rs.getString("team_key"),
                Duration.ofSeconds(rs.getLong("every_seconds")),
                rs.getTimestamp("next_at").toInstant());
    }
}
