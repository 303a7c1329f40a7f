package org.podloop.pulse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.podloop.common.ConflictException;
import org.podloop.common.InvalidInputException;
import org.podloop.common.NotFoundException;
import org.podloop.identity.Directory;
import org.podloop.identity.Groups;
import org.podloop.signal.SignalService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A team's pulse on a schedule: every {@code pulseEvery} a round opens for it, unless one is open (the
 * loop's re-measurement, say); then it waits for that one to close. Off by default. Each due round is
 * claimed with a conditional update, so with several nodes exactly one opens it.
 */
@Service
class PulseCadence {

    private static final Logger log = LoggerFactory.getLogger(PulseCadence.class);
    private static final Duration SHORTEST = Duration.ofDays(1);
    private static final Duration LONGEST = Duration.ofDays(90);

    /** A team's cadence as the API answers it; {@code pulseEvery} null when it is off. */
    record View(String team, String pulseEvery, Instant nextRoundAt) {

        View(String team, Duration every, Instant nextRoundAt) {
            this(team, every == null ? null : written(every), nextRoundAt);
        }

        static View off(String team) {
            return new View(team, (String) null, null);
        }

        /** Whole days as people write them ("P14D"), anything else as ISO-8601 has it. */
        private static String written(Duration every) {
            return every.toSeconds() % 86_400 == 0 ? "P" + every.toDays() + "D" : every.toString();
        }
    }

    private final PulseCadences cadences;
    private final PulseRounds rounds;
    private final PulseService pulses;
    private final SignalService signals;
    private final Directory directory;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PulseCadence(
            PulseCadences cadences,
            PulseRounds rounds,
            PulseService pulses,
            SignalService signals,
            Directory directory,
            TransactionTemplate transactions,
            Clock clock) {
        this.cadences = cadences;
        this.rounds = rounds;
        this.pulses = pulses;
        this.signals = signals;
        this.directory = directory;
        this.transactions = transactions;
        this.clock = clock;
    }

    View of(String team) {
        requireTeam(team);
        return cadences.find(team)
                .map(c -> new View(team, c.every(), c.nextAt()))
                .orElse(View.off(team));
    }

    /** Sets (or with null, turns off) the cadence; the first round opens at the next check. */
    View set(String team, Duration every) {
        requireTeam(team);
        return transactions.execute(status -> {
            if (every == null) {
                cadences.delete(team);
                return View.off(team);
            }
            if (every.compareTo(SHORTEST) < 0 || every.compareTo(LONGEST) > 0) {
                throw new InvalidInputException(
                        "pulseEvery", "must lie between " + SHORTEST.toDays() + " and " + LONGEST.toDays() + " days");
            }
            Instant first = clock.instant();
            cadences.save(team, every, first);
            return new View(team, every, first);
        });
    }

    /** Opens the rounds that are due; runs on every node, each round opens on one. */
    @Scheduled(
            fixedDelayString = "${podloop.pulse.cadence-check-every:PT1M}",
            initialDelayString = "${podloop.pulse.cadence-check-every:PT1M}")
    void openDueRounds() {
        for (PulseCadences.Cadence due : cadences.due(clock.instant())) {
            try {
                transactions.executeWithoutResult(status -> openIfStillDue(due));
            } catch (ConflictException | DataAccessException skipped) {
                log.info("no cadence round for team '{}' this time: {}", due.team(), skipped.getMessage());
            } catch (RuntimeException failed) {
                // one team's failure must not keep the teams after it from their rounds
                log.warn(
                        "the cadence round for team '{}' failed; it is tried again at the next check",
                        due.team(),
                        failed);
            }
        }
    }

    private void openIfStillDue(PulseCadences.Cadence due) {
        if (rounds.hasOpenRound(due.team())
                || directory.membersOf(Groups.pod(due.team())).isEmpty()) {
            return; // again at the next check: the open round closes first, or the pod gains members
        }
        Instant now = clock.instant();
        if (cadences.claim(due, now.plus(due.every()))) {
            pulses.open(due.team(), null, null, null);
        }
    }

    private void requireTeam(String team) {
        if (!signals.teamExists(team)) {
            throw new NotFoundException("no team '" + team + "'");
        }
    }
}
