package org.podloop.classification.facts;

/** Verified outcomes of an intervention against a pattern in other teams' loops. */
public class Effect {

    private final String interventionId;
    private final String pattern;
    private final int verified;
    private final int reduced;

    public Effect(String interventionId, String pattern, int verified, int reduced) {
        this.interventionId = interventionId;
        this.pattern = pattern;
        this.verified = verified;
        this.reduced = reduced;
    }

    public String getInterventionId() {
        return interventionId;
    }

    public String getPattern() {
        return pattern;
    }

    public int getVerified() {
        return verified;
    }

    public int getReduced() {
        return reduced;
    }

    /** Share of verified iterations that reduced the pattern, in per mille. */
    public int getReducedPerMille() {
        return verified == 0 ? 0 : Math.round(1000f * reduced / verified);
    }

    @Override
    public String toString() {
        return interventionId + " reduced " + pattern + " in " + reduced + " of " + verified;
    }
}
