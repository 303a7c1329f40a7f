package org.podloop.classification.facts;

import java.util.List;

/** A Human Debt pattern a rule recognised; the rules and the facts they matched are recorded by the engine run. */
public class Finding {

    private static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH");

    private final String pattern;
    private String severity;
    private boolean raisedByTrend;

    public Finding(String pattern, String severity) {
        this(pattern, severity, false);
    }

    /** A finding that a trend made (an early warning): it is not raised again by a trend. */
    public Finding(String pattern, String severity, boolean raisedByTrend) {
        if (!SEVERITIES.contains(severity)) {
            throw new IllegalArgumentException("severity must be one of " + SEVERITIES + ", is " + severity);
        }
        this.pattern = pattern;
        this.severity = severity;
        this.raisedByTrend = raisedByTrend;
    }

    public String getPattern() {
        return pattern;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public boolean isRaisedByTrend() {
        return raisedByTrend;
    }

    public void setRaisedByTrend(boolean raisedByTrend) {
        this.raisedByTrend = raisedByTrend;
    }

    /** The next severity up (HIGH stays HIGH). */
    public String getNextSeverity() {
        return SEVERITIES.get(Math.min(SEVERITIES.indexOf(severity) + 1, SEVERITIES.size() - 1));
    }

    @Override
    public String toString() {
        return "Finding " + pattern + " " + severity;
    }
}
