package org.podloop.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.podloop.loop.LoopService;
import org.podloop.loop.LoopStepRecorded;
import org.podloop.pulse.PulseReminderDue;
import org.podloop.pulse.PulseRoundOpened;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes what is to be told into the outbox, in the transaction of the step that caused it: a step that
 * rolls back leaves nothing to send, one that commits cannot lose its nudge. Who is told, and how, is
 * decided after the commit ({@link NudgeFanOut}), when the task or round can be read as it stands.
 */
@Component
class NudgeOutbox {

    private final NudgeEvents events;
    private final LoopService loops;
    private final Clock clock;

    NudgeOutbox(NudgeEvents events, LoopService loops, Clock clock) {
        this.events = events;
        this.loops = loops;
        this.clock = clock;
    }

    @EventListener
    void loopStep(LoopStepRecorded step) {
        NudgeKind kind = switch (step.type()) {
            case TASK_CREATED -> NudgeKind.TASK_CREATED;
            // the overdue re-measurement is told by the task it creates (arrange the re-measurement)
            case REMINDER_SENT -> NudgeKind.TASK_REMINDER;
            case LOOP_CLOSED -> NudgeKind.LOOP_CLOSED;
            case LOOP_ESCALATED -> NudgeKind.LOOP_ESCALATED;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        Object taskId = kind == NudgeKind.TASK_CREATED ? step.detail("taskId") : null;
        add(kind, loops.teamOf(step.loopId()), step.loopId(), taskId == null ? null : taskId.toString(), null, null);
    }

    @EventListener
    void pulseRoundOpened(PulseRoundOpened round) {
        add(NudgeKind.PULSE_OPENED, round.team(), null, null, round.roundId(), round.closesAt());
    }

    @EventListener
    void pulseReminderDue(PulseReminderDue round) {
        add(NudgeKind.PULSE_REMINDER, round.team(), null, null, round.roundId(), round.closesAt());
    }

    private void add(NudgeKind kind, String team, UUID loopId, String taskId, UUID roundId, Instant dueAt) {
        if (team == null) {
            return;
        }
        events.add(new NudgeEvents.NudgeEvent(
                UUID.randomUUID(), kind, team, loopId, taskId, roundId, dueAt, clock.instant()));
    }
}
