package org.podloop.pulse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored round, as {@link PulseRounds} reads it. */
record PulseRound(
        UUID id,
        String team,
        List<String> metrics,
        int invited,
        Instant openedAt,
        Instant closesAt,
        State state,
        Instant remindedAt,
        Instant closedAt,
        UUID snapshotId) {

    enum State {
        OPEN,
        CLOSED
    }

    boolean isOpen() {
        return state == State.OPEN;
    }
}
