package org.podloop.classification.facts;

/** The verification outcome: REDUCED, NOT_REDUCED, WORSENED or INCONCLUSIVE. */
public class Outcome {

    private final String value;

    public Outcome(String value) {
        this.value = value;
    }

    public String getValue() {
        return value;
    }

    @Override
    public String toString() {
        return "Outcome " + value;
    }
}
