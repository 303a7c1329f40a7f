package org.podloop.worksignal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every pull connector's test checks of its import: the loop it opened, the provenance, idempotency. */
final class PulledImports {

    private PulledImports() {}

    /**
     * The pulled work (reviews waiting 40…52 h, median 47) opened a loop with a delayed-handoffs finding
     * whose evidence quotes {@code provenance}; stored as {@code work-{source}-{from}-{to}}; pulling the same
     * days again stores nothing more.
     */
    static void openedALoopOnDelayedHandoffs(
            WorkImportResult result,
            String source,
            String provenance,
            JdbcTemplate jdbc,
            String team,
            Supplier<WorkImportResult> pullAgain) {
        assertThat(result.loop()).isNotNull();
        assertThat(result.derived())
                .filteredOn(derived -> derived.metric().equals("handoff_delay_hours"))
                .singleElement()
                .satisfies(derived -> {
                    assertThat(derived.value()).isEqualTo(47.0); // (46 + 48) / 2
                    assertThat(derived.provenance()).isEqualTo(provenance);
                });
        assertThat(result.findings())
                .filteredOn(finding -> finding.pattern().equals("DELAYED_HANDOFFS"))
                .singleElement()
                .satisfies(finding ->
                        assertThat(finding.evidence().get(0).provenance()).endsWith(", " + provenance));
        assertThat(jdbc.queryForObject("select external_id from snapshots where team_key = ?", String.class, team))
                .isEqualTo("work-" + source + "-" + result.from() + "-" + result.to());

        assertThat(pullAgain.get().snapshotId()).isEqualTo(result.snapshotId());
        assertThat(jdbc.queryForObject("select count(*) from snapshots where team_key = ?", Integer.class, team))
                .isEqualTo(1);
    }
}
