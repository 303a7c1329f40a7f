package org.podloop.loop;

import java.util.Map;
import java.util.Optional;
import org.podloop.loop.internal.ControlValues;
import org.podloop.loop.internal.LoopProcesses;
import org.springframework.stereotype.Component;

/**
 * What a loop's process instances must hold as control variables, from the loop itself. A loop's
 * instances carry the loop id as business key, set by Podloop when it starts the loop and passed to
 * each iteration; no pod member can change it.
 */
@Component
class LoopTruth implements ControlValues {

    private final Loops loops;

    LoopTruth(Loops loops) {
        this.loops = loops;
    }

    /** The loop a process instance belongs to, by its business key; empty for anything that is not a loop's. */
    Optional<Loop> loopOf(String businessKey) {
        return LoopProcesses.uuid(businessKey).flatMap(loops::findById);
    }

    @Override
    public Optional<Map<String, Object>> of(String businessKey) {
        return loopOf(businessKey)
                .filter(loop -> loop.current() != null)
                .map(loop -> Map.of(
                        ProcessIds.VAR_LOOP_ID, loop.id().toString(),
                        ProcessIds.VAR_TEAM_KEY, loop.teamKey(),
                        ProcessIds.VAR_ITERATION, loop.current().number(),
                        ProcessIds.VAR_BASELINE_SNAPSHOT_ID,
                                loop.current().baselineSnapshotId().toString()));
    }
}
