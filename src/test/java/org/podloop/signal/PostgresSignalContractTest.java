package org.podloop.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.podloop.support.OnPostgres;
import org.podloop.support.PodloopClient.Response;

/** The signal contract on PostgreSQL, plus a 100,000-row import streamed as it is generated. */
@OnPostgres
class PostgresSignalContractTest extends SignalContract {

    private static final List<String> METRICS =
            List.of("psychological_safety", "engagement", "alignment", "wellbeing", "rework_rate");

    @Test
    void aHundredThousandRowFileImportsInOneRequest() {
        int snapshots = 20_000;
        Instant start = Instant.parse("2020-01-06T09:00:00Z");
        Enumeration<InputStream> lines = new Enumeration<>() {
            int snapshot = -1;

            @Override
            public boolean hasMoreElements() {
                return snapshot < snapshots;
            }

            @Override
            public InputStream nextElement() {
                String chunk;
                if (snapshot < 0) {
                    chunk = CSV_HEADER;
                } else {
                    StringBuilder rows = new StringBuilder();
                    for (int m = 0; m < METRICS.size(); m++) {
                        rows.append(team)
                                .append(",bulk-")
                                .append(snapshot)
                                .append(',')
                                .append(start.plus(Duration.ofHours(snapshot)))
                                .append(",8,")
                                .append(METRICS.get(m))
                                .append(',')
                                .append(40 + (snapshot + m) % 50)
                                .append('\n');
                    }
                    chunk = rows.toString();
                }
                snapshot++;
                return new ByteArrayInputStream(chunk.getBytes(StandardCharsets.UTF_8));
            }
        };
        long began = System.nanoTime();

        Response response = importCsv(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(lines)));

        long seconds = Duration.ofNanos(System.nanoTime() - began).toSeconds();
        System.out.printf("Imported %d rows (%d snapshots) in %d s%n", snapshots * METRICS.size(), snapshots, seconds);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        assertThat(response.body().get("created").asInt()).isEqualTo(snapshots);
        assertThat(jdbc.queryForObject(
                        "select count(*) from snapshot_metrics m join snapshots s on s.id = m.snapshot_id"
                                + " where s.team_key = ?",
                        Integer.class,
                        team))
                .isEqualTo(snapshots * METRICS.size());
    }
}
