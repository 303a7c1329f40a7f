package org.podloop.pulse;

import java.util.List;
import org.podloop.identity.Directory;
import org.podloop.identity.Groups;
import org.podloop.loop.Remeasurements;
import org.podloop.rules.ActiveRuleset;
import org.springframework.stereotype.Component;

/**
 * The loop's re-measurement by a pulse round: the team's open round serves when there is one, else a
 * new round asks every survey metric of the catalogue. What would make opening fail is checked first, so
 * the engine step that asks (the pod completing its run task) never fails for it.
 */
@Component
class PulseRemeasurements implements Remeasurements {

    private final PulseService pulses;
    private final PulseRounds rounds;
    private final Directory directory;
    private final ActiveRuleset rules;

    PulseRemeasurements(PulseService pulses, PulseRounds rounds, Directory directory, ActiveRuleset rules) {
        this.pulses = pulses;
        this.rounds = rounds;
        this.directory = directory;
        this.rules = rules;
    }

    @Override
    public Remeasurement request(String teamKey) {
        List<PulseRound> open = rounds.openRoundsOf(List.of(teamKey));
        if (!open.isEmpty()) {
            return Remeasurement.reused(open.get(0).id(), open.get(0).closesAt());
        }
        if (directory.membersOf(Groups.pod(teamKey)).isEmpty()) {
            return Remeasurement.unavailable("team '" + teamKey + "' has no pod members to ask");
        }
        if (rules.metrics().all().stream().noneMatch(metric -> metric.survey() != null)) {
            return Remeasurement.unavailable("the metric catalogue has no survey items to ask");
        }
        // No opener: the loop opens it, not whoever completed the task that ended the intervention.
        PulseRoundView round = pulses.open(teamKey, null, null, null);
        return Remeasurement.opened(round.id(), round.closesAt());
    }
}
