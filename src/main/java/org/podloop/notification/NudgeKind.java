package org.podloop.notification;

/** What a nudge tells of; {@code priority} orders delivery (tasks first) when the weekly cap bites. */
public enum NudgeKind {
    TASK_CREATED(0),
    TASK_REMINDER(1),
    PULSE_OPENED(2),
    PULSE_REMINDER(2),
    LOOP_CLOSED(3),
    LOOP_ESCALATED(3);

    private final int priority;

    NudgeKind(int priority) {
        this.priority = priority;
    }

    int priority() {
        return priority;
    }
}
