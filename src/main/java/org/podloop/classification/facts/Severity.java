package org.podloop.classification.facts;

/** How urgent a finding is, lowest first; JSON and stored classifications carry the constant's name. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH;

    /** The next severity up (HIGH stays HIGH): what a worsening trend raises a finding to. */
    public Severity next() {
        return this == HIGH ? HIGH : values()[ordinal() + 1];
    }

    /** The more urgent of the two. */
    public static Severity higher(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
