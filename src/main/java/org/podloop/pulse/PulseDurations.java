package org.podloop.pulse;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.podloop.process.ProcessCallable;
import org.springframework.stereotype.Component;

/**
 * The round's reminder time for {@code PulseRoundProcess} ({@code ${pulseDurations.reminderAt(pulseClosesAt)}}).
 * Times are the engine's, so moving the engine clock moves them.
 */
@Component("pulseDurations")
@ProcessCallable
public class PulseDurations {

    private final Duration remindBefore;

    PulseDurations(PulseProperties properties) {
        this.remindBefore = properties.remindBefore();
    }

    /**
     * {@code podloop.pulse.remind-before} before the deadline; for a round shorter than that, halfway
     * between now and the deadline, so the reminder still comes before it.
     */
    public Date reminderAt(Date closesAt) {
        Instant deadline = closesAt.toInstant();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant at = deadline.minus(remindBefore);
        return Date.from(
                at.isAfter(now) ? at : now.plus(Duration.between(now, deadline).dividedBy(2)));
    }
}
