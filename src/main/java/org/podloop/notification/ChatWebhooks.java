package org.podloop.notification;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The teams' chat webhooks ({@code team_chat_webhooks}). */
@Repository
class ChatWebhooks {

    /** A team's incoming webhooks; either may be null. */
    record TeamChat(URI slack, URI teams) {

        static final TeamChat NONE = new TeamChat(null, null);

        URI of(Channel channel) {
            return switch (channel) {
                case SLACK -> slack;
                case TEAMS -> teams;
                case EMAIL -> null;
            };
        }
    }

    private final JdbcTemplate jdbc;

    ChatWebhooks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    TeamChat of(String team) {
        return jdbc
                .query(
                        "select slack_url, teams_url from team_chat_webhooks where team_key = ?",
                        (rs, row) -> new TeamChat(uri(rs.getString("slack_url")), uri(rs.getString("teams_url"))),
                        team)
                .stream()
                .findFirst()
                .orElse(TeamChat.NONE);
    }

    void save(String team, TeamChat chat, Instant now) {
        Object[] values = {text(chat.slack()), text(chat.teams()), Timestamp.from(now), team};
        int updated = jdbc.update(
                "update team_chat_webhooks set slack_url = ?, teams_url = ?, updated_at = ? where team_key = ?",
                values);
        if (updated == 0) {
            jdbc.update(
                    "insert into team_chat_webhooks (slack_url, teams_url, updated_at, team_key) values (?, ?, ?, ?)",
                    values);
        }
    }

    private static URI uri(String text) {
        return Optional.ofNullable(text).map(URI::create).orElse(null);
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }
}
