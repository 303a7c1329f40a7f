package org.podloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/** The counters count what was stored: snapshots of a transaction that rolled back were never ingested. */
class MetricsAfterCommitTest extends ApiTest {

    private static final String CSV_HEADER = "team,externalId,measuredAt,respondents,metric,value\n";

    @Autowired
    MeterRegistry registry;

    @Override
    protected String[] teamMembers() {
        return new String[] {"quinn"};
    }

    private double ingested() {
        Counter counter = registry.find("podloop.snapshots.ingested").counter();
        return counter == null ? 0 : counter.count();
    }

    private double findings() {
        return registry.find("podloop.findings").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private Response importCsv(String csv) {
        return client.post("demo", "/api/snapshots/import", "text/csv", BodyPublishers.ofString(csv));
    }

    private String weeks(int count) {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (int week = 1; week <= count; week++) {
            // low psychological safety: every snapshot raises a finding
            csv.append(team).append(",w").append(week).append(",2026-10-05T09:00:00Z,6,psychological_safety,30\n");
        }
        return csv.toString();
    }

    @Test
    void anImportRefusedForItsLastLineCountsNothing() {
        double ingestedBefore = ingested();
        double findingsBefore = findings();

        // the good snapshots are recorded and classified before the bad line refuses the whole file
        Response refused =
                importCsv(weeks(3) + team + ",w4,2026-10-05T09:00:00Z,6,psychological_safety,not-a-number\n");

        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from snapshots where team_key = ?", Integer.class, team))
                .isZero();
        assertThat(ingested()).as("snapshots ingested").isEqualTo(ingestedBefore);
        assertThat(findings()).as("findings raised").isEqualTo(findingsBefore);
    }

    @Test
    void aCommittedImportCountsEachSnapshot() {
        double ingestedBefore = ingested();
        double findingsBefore = findings();

        Response stored = importCsv(weeks(3));

        assertThat(stored.status()).as(String.valueOf(stored.body())).isEqualTo(200);
        assertThat(ingested()).as("snapshots ingested").isEqualTo(ingestedBefore + 3);
        assertThat(findings()).as("findings raised").isGreaterThanOrEqualTo(findingsBefore + 3);
        assertThat(client.getText("demo", "/actuator/prometheus").body()).contains("podloop_snapshots_ingested_total");
    }
}
