package org.podloop.worksignal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the pull connectors share: the period a pull covers, and pulling each configured team in turn. */
final class TeamPulls {

    private static final Logger log = LoggerFactory.getLogger(TeamPulls.class);

    /** The last {@code days} full days, ending yesterday (UTC): a period that is over, as an import must be. */
    record Period(LocalDate from, LocalDate to) {

        static Period lastFullDays(Clock clock, int days) {
            LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
            return new Period(to.minusDays(days - 1L), to);
        }

        Instant start() {
            return from.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    private TeamPulls() {}

    /** Pulls every team; one team's failure does not keep the others from theirs, and the next run tries again. */
    static void each(String tracker, Set<String> teams, Function<String, WorkImportResult> pull) {
        for (String team : teams) {
            try {
                WorkImportResult result = pull.apply(team);
                log.info(
                        "{}: team '{}' imported {} items ({} metrics)",
                        tracker,
                        team,
                        result.items(),
                        result.derived().size());
            } catch (RuntimeException failed) {
                log.warn("{}: the pull for team '{}' failed: {}", tracker, team, failed.getMessage());
            }
        }
    }
}
