package org.podloop.classification.facts;

/** A Human Debt pattern a rule recognised; the rules and the facts they matched are recorded by the engine run. */
public class Finding {

    private final String pattern;
    private Severity severity;
    private boolean raisedByTrend;

    public Finding(String pattern, Severity severity) {
        this(pattern, severity, false);
    }

    /** A finding that a trend made (an early warning): it is not raised again by a trend. */
    public Finding(String pattern, Severity severity, boolean raisedByTrend) {
        if (severity == null) {
            throw new IllegalArgumentException("a finding of " + pattern + " needs a severity");
        }
        this.pattern = pattern;
        this.severity = severity;
        this.raisedByTrend = raisedByTrend;
    }

    public String getPattern() {
        return pattern;
    }

    public Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Severity severity) {
        this.severity = severity;
    }

    public boolean isRaisedByTrend() {
        return raisedByTrend;
    }

    public void setRaisedByTrend(boolean raisedByTrend) {
        this.raisedByTrend = raisedByTrend;
    }

    /** The next severity up (HIGH stays HIGH). */
    public Severity getNextSeverity() {
        return severity.next();
    }

    @Override
    public String toString() {
        return "Finding " + pattern + " " + severity;
    }
}
