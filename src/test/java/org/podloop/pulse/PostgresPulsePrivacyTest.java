package org.podloop.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podloop.support.OnPostgres;
import org.podloop.support.PodloopClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After a whole round (answers over HTTP, reminder, closing into a snapshot), every column of every table
 * — Podloop's and the engine's, history included — and the application's log hold no respondent's
 * answers or individual score, and no row or log line puts a respondent next to anything of hers.
 */
@OnPostgres
@ExtendWith(OutputCaptureExtension.class)
class PostgresPulsePrivacyTest extends PulseScenario {

    private static final String SAFETY = "psychological_safety";
    private static final String ENGAGEMENT = "engagement";

    /**
     * Answer vectors with distinctive individual scores (0–100): 23.81, 69.05, 88.1 (10, 29, 37 of 42 points)
     * for safety, 29.17, 58.33, 79.17 (7, 14, 19 of 24) for engagement; the team's are 60.32 and 55.56.
     */
    /** Refused (9 is off the scale): only its sender may hear it back. */
    private static final List<Integer> REFUSED_ANSWERS = List.of(6, 2, 5, 3, 6, 2, 9);

    private static final List<List<Integer>> SAFETY_ANSWERS =
            List.of(List.of(6, 2, 5, 3, 6, 2, 3), List.of(2, 6, 3, 5, 3, 5, 4), List.of(1, 7, 2, 6, 2, 6, 6));

    private static final List<List<Integer>> ENGAGEMENT_ANSWERS =
            List.of(List.of(3, 3, 3, 6), List.of(5, 4, 5, 4), List.of(6, 6, 5, 2));
    private static final List<Double> INDIVIDUAL_SCORES = List.of(
            10 / 42.0 * 100, 29 / 42.0 * 100, 37 / 42.0 * 100, 7 / 24.0 * 100, 14 / 24.0 * 100, 19 / 24.0 * 100);

    /**
     * Where a member's id may stand: her account, memberships and the engine's grant on her own account, and
     * THAT she answered (round and id only). Not the engine's operation log or history: the answer that
     * completes a round correlates as nobody, and the round closes in a job.
     */
    private static final Set<String> TABLES_NAMING_MEMBERS =
            Set.of("act_id_user", "act_id_membership", "act_ru_authorization", "pulse_participation");

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void noTableNorLogHoldsAnAnswerOrTiesAMemberToOne(CapturedOutput log) {
        podOf(4);
        PodloopClient client = new PodloopClient(port);
        UUID round = pulses.open(pulseTeam, List.of(SAFETY, ENGAGEMENT), soon(), "paula")
                .id();
        for (int i = 0; i < 3; i++) {
            var answered = client.post(
                    members.get(i),
                    "/api/pulses/" + round + "/answers",
                    Map.of("answers", Map.of(SAFETY, SAFETY_ANSWERS.get(i), ENGAGEMENT, ENGAGEMENT_ANSWERS.get(i))));
            assertThat(answered.status()).as(answered.body().toString()).isEqualTo(201);
        }
        // a refused answer echoes its values to its sender only
        assertThat(client.post(
                                members.get(3),
                                "/api/pulses/" + round + "/answers",
                                Map.of("answers", Map.of(SAFETY, REFUSED_ANSWERS)))
                        .status())
                .isEqualTo(400);
        timePasses(Duration.ofMinutes(31)); // the reminder, halfway to a deadline an hour away
        timePasses(Duration.ofMinutes(30));
        runJobs(round);
        PulseRoundView closed = pulses.status(round);
        assertThat(closed.state()).isEqualTo("CLOSED");
        assertThat(closed.remindedAt()).isNotNull();
        assertThat(closed.aggregates().get(SAFETY).respondents()).isEqualTo(3);

        List<String> forbidden = new ArrayList<>();
        INDIVIDUAL_SCORES.forEach(score -> {
            forbidden.add(String.valueOf(Math.round(score * 100) / 100.0));
            forbidden.add(String.valueOf(score).substring(0, 6));
        });
        SAFETY_ANSWERS.forEach(set -> forbidden.addAll(encodings(set)));
        forbidden.addAll(encodings(REFUSED_ANSWERS));
        ENGAGEMENT_ANSWERS.forEach(set -> forbidden.addAll(encodings(set)));
        Set<String> tablesNamingMembers = new TreeSet<>();
        Set<String> tablesWithTheTeamsScore = new TreeSet<>();
        List<String> leaks = new ArrayList<>();
        for (String table : tables()) {
            Map<String, String> types = columnTypes(table);
            // a column of times holds when the machine did something, never what someone answered; its
            // seconds ("…:29.17") would read like a score
            types.values().removeIf(PostgresPulsePrivacyTest::isTime);
            List<String> columns = List.copyOf(types.keySet());
            String select = columns.stream().map(c -> asText(c, types.get(c))).collect(Collectors.joining(", "));
            jdbc.query("select " + select + " from " + table, rs -> {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns.size(); c++) {
                    int column = c;
                    String value = rs.getString(c);
                    if (value == null) {
                        continue;
                    }
                    row.append(value).append('\u0001');
                    if (value.contains("60.32")) {
                        tablesWithTheTeamsScore.add(table);
                    }
                    forbidden.stream()
                            .filter(value::contains)
                            .forEach(f -> leaks.add(table + "." + columns.get(column - 1) + " holds " + f));
                }
                if (members.stream().anyMatch(row.toString()::contains)) {
                    tablesNamingMembers.add(table);
                }
            });
        }
        assertThat(leaks).isEmpty();
        // the scan sees values: the team's score is where it belongs
        assertThat(tablesWithTheTeamsScore).contains("snapshot_metrics");
        assertThat(TABLES_NAMING_MEMBERS).containsAll(tablesNamingMembers);
        assertThat(tablesNamingMembers).contains("pulse_participation");
        assertThat(columnTypes("pulse_participation")).containsOnlyKeys("round_id", "user_id");

        String output = log.getAll();
        assertThat(forbidden).noneMatch(output::contains);
        assertThat(output.lines().filter(line -> members.stream().anyMatch(line::contains)))
                .isEmpty();
    }

    /**
     * How an answer vector could be written down: JSON, Java's list, CSV, as numbers with fractions, and
     * (for the seven items, long enough not to occur by chance in an id) its digits run together.
     */
    private static List<String> encodings(List<Integer> answers) {
        List<String> ways = new ArrayList<>();
        ways.add(join(answers, ",", ""));
        ways.add(join(answers, ", ", ""));
        ways.add(join(answers, ",", ".0"));
        ways.add(join(answers, ", ", ".0"));
        if (answers.size() >= 7) {
            ways.add(join(answers, "", ""));
        }
        return ways;
    }

    private static String join(List<Integer> answers, String separator, String fraction) {
        return answers.stream().map(a -> a + fraction).collect(Collectors.joining(separator));
    }

    private List<String> tables() {
        return jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = current_schema()"
                        + " and table_type = 'BASE TABLE' order by table_name",
                String.class);
    }

    /** The table's columns and their types, in order. */
    private Map<String, String> columnTypes(String table) {
        Map<String, String> types = new LinkedHashMap<>();
        jdbc.query(
                "select column_name, data_type from information_schema.columns where table_schema = current_schema()"
                        + " and table_name = ? order by ordinal_position",
                rs -> {
                    types.put(rs.getString(1), rs.getString(2));
                },
                table);
        return types;
    }

    private static boolean isTime(String type) {
        return type.startsWith("timestamp")
                || type.startsWith("time ")
                || type.equals("date")
                || type.equals("interval");
    }

    /** Every column as text; binary columns (the engine's byte arrays) with their bytes as written. */
    private static String asText(String column, String type) {
        String quoted = "\"" + column + "\"";
        return "bytea".equals(type) ? "encode(" + quoted + ", 'escape')" : quoted + "::text";
    }
}
