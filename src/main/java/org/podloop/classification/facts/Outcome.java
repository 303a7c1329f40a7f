package org.podloop.classification.facts;

import org.podloop.classification.VerificationOutcome;

/** The verification outcome the rules decided. */
public class Outcome {

    private final VerificationOutcome value;

    public Outcome(VerificationOutcome value) {
        this.value = value;
    }

    public VerificationOutcome getValue() {
        return value;
    }

    @Override
    public String toString() {
        return "Outcome " + value;
    }
}
