package org.podloop.loop;

/** The kinds of step a loop's timeline records. */
public enum TimelineType {
    LOOP_OPENED,
    SNAPSHOT_ATTACHED,
    ITERATION_STARTED,
    TASK_CREATED,
    TASK_ASSIGNED,
    TASK_COMPLETED,
    REMINDER_SENT,
    TIME_BOX_EXTENDED,
    REMEASUREMENT_OVERDUE,
    REMEASUREMENT_RECEIVED,
    VERIFIED,
    ITERATION_ENDED,
    LOOP_CLOSED,
    LOOP_ESCALATED
}
