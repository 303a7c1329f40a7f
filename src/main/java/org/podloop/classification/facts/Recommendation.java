package org.podloop.classification.facts;

/** An intervention recommended for a pattern; lower score ranks first. */
public class Recommendation {

    private final String pattern;
    private final String interventionId;
    private final int score;
    private final String reason;

    public Recommendation(String pattern, String interventionId, int score, String reason) {
        this.pattern = pattern;
        this.interventionId = interventionId;
        this.score = score;
        this.reason = reason;
    }

    public String getPattern() {
        return pattern;
    }

    public String getInterventionId() {
        return interventionId;
    }

    public int getScore() {
        return score;
    }

    public String getReason() {
        return reason;
    }
}
