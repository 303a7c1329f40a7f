package org.podloop.loop;

/** What governance decides at the end of an iteration; REPEAT is also what an unverified iteration leads to. */
public enum Decision {
    CLOSE,
    REPEAT,
    ESCALATE
}
