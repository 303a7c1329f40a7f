package org.podloop.loop;

/** OPEN while the pod works on it; CLOSED or ESCALATED once governance decided. */
public enum LoopStatus {
    OPEN,
    CLOSED,
    ESCALATED
}
