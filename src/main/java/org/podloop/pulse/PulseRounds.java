package org.podloop.pulse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.podloop.signal.SurveyTotals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The pulse tables. Participation and aggregates are written only together ({@link #recordAnswer}), and
 * never with a time, an order or anything that would tie one row of either to one row of the other.
 */
@Component
class PulseRounds {

    private static final String COLUMNS =
            "id, team_key, metrics, invited, opened_at, closes_at, state, reminded_at, closed_at, snapshot_id";
    private static final RowMapper<PulseRound> ROUND = PulseRounds::round;

    private final JdbcTemplate jdbc;

    PulseRounds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an open round and its empty totals; a second open round of the team breaks a unique constraint. */
    void insert(PulseRound round, Map<String, Integer> maxPointsByMetric) {
        jdbc.update(
                "insert into pulse_rounds (id, team_key, metrics, invited, opened_at, closes_at, state, open_for_team)"
                        + " values (?, ?, ?, ?, ?, ?, 'OPEN', ?)",
                round.id(),
                round.team(),
                String.join(",", round.metrics()),
                round.invited(),
                Timestamp.from(round.openedAt()),
                Timestamp.from(round.closesAt()),
                round.team());
        maxPointsByMetric.forEach((metric, maxPoints) -> jdbc.update(
                "insert into pulse_aggregates (round_id, metric, max_points, respondents, score_sum, score_squares)"
                        + " values (?, ?, ?, 0, 0, 0)",
                round.id(),
                metric,
                maxPoints));
    }

    void processStarted(UUID roundId, String processInstanceId) {
        jdbc.update("update pulse_rounds set process_instance_id = ? where id = ?", processInstanceId, roundId);
    }

    boolean hasOpenRound(String team) {
        return count("select count(*) from pulse_rounds where open_for_team = ?", team) > 0;
    }

    Optional<PulseRound> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from pulse_rounds where id = ?", ROUND, id).stream()
                .findFirst();
    }

    /**
     * The round, its row locked until the transaction ends: answers to one round, and its closing, take
     * turns, so the count that completes a round is exact and nothing arrives after it closed.
     */
    Optional<PulseRound> lock(UUID id) {
        return jdbc.query("select " + COLUMNS + " from pulse_rounds where id = ? for update", ROUND, id).stream()
                .findFirst();
    }

    List<PulseRound> openRoundsOf(Collection<String> teams) {
        if (teams.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", teams.stream().map(t -> "?").toList());
        return jdbc.query(
                "select " + COLUMNS + " from pulse_rounds where state = 'OPEN' and team_key in (" + marks
                        + ") order by closes_at, id",
                ROUND,
                teams.toArray());
    }

    int answered(UUID roundId) {
        return count("select count(*) from pulse_participation where round_id = ?", roundId);
    }

    boolean hasAnswered(UUID roundId, String userId) {
        return count("select count(*) from pulse_participation where round_id = ? and user_id = ?", roundId, userId)
                > 0;
    }

    /** Who answered (no more), and her scores folded into the totals: one transaction, no link between them. */
    void recordAnswer(UUID roundId, String userId, Map<String, SurveyTotals> contribution) {
        jdbc.update("insert into pulse_participation (round_id, user_id) values (?, ?)", roundId, userId);
        contribution.forEach((metric, totals) -> jdbc.update(
                "update pulse_aggregates set respondents = respondents + ?, score_sum = score_sum + ?,"
                        + " score_squares = score_squares + ? where round_id = ? and metric = ?",
                totals.respondents(),
                totals.sum(),
                totals.sumOfSquares(),
                roundId,
                metric));
    }

    Map<String, Integer> maxPoints(UUID roundId) {
        Map<String, Integer> byMetric = new TreeMap<>();
        jdbc.query(
                "select metric, max_points from pulse_aggregates where round_id = ?",
                rs -> {
                    byMetric.put(rs.getString("metric"), rs.getInt("max_points"));
                },
                roundId);
        return byMetric;
    }

    Map<String, SurveyTotals> totals(UUID roundId) {
        Map<String, SurveyTotals> byMetric = new TreeMap<>();
        jdbc.query(
                "select metric, max_points, respondents, score_sum, score_squares from pulse_aggregates"
                        + " where round_id = ?",
                rs -> {
                    byMetric.put(
                            rs.getString("metric"),
                            new SurveyTotals(
                                    rs.getInt("respondents"),
                                    rs.getLong("score_sum"),
                                    rs.getLong("score_squares"),
                                    rs.getInt("max_points")));
                },
                roundId);
        return byMetric;
    }

    /** Reminded once: a repeated reminder (a retried job) changes nothing. */
    void reminded(UUID roundId, Instant at) {
        jdbc.update(
                "update pulse_rounds set reminded_at = ? where id = ? and reminded_at is null",
                Timestamp.from(at),
                roundId);
    }

    void closed(UUID roundId, Instant at, UUID snapshotId) {
        jdbc.update(
                "update pulse_rounds set state = 'CLOSED', closed_at = ?, snapshot_id = ?, open_for_team = null"
                        + " where id = ?",
                Timestamp.from(at),
                snapshotId,
                roundId);
    }

    private int count(String sql, Object... arguments) {
        Integer count = jdbc.queryForObject(sql, Integer.class, arguments);
        return count == null ? 0 : count;
    }

    private static PulseRound round(ResultSet rs, int row) throws SQLException {
        return new PulseRound(
                rs.getObject("id", UUID.class),
                rs.getString("team_key"),
                List.of(rs.getString("metrics").split(",")),
                rs.getInt("invited"),
                instant(rs, "opened_at"),
                instant(rs, "closes_at"),
                PulseRound.State.valueOf(rs.getString("state")),
                instant(rs, "reminded_at"),
                instant(rs, "closed_at"),
                rs.getObject("snapshot_id", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
