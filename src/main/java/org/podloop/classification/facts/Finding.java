package org.podloop.classification.facts;

/** A Human Debt pattern a rule recognised; the rule and the facts it matched are recorded by the engine run. */
public class Finding {

    private final String pattern;
    private final String severity;

    public Finding(String pattern, String severity) {
        this.pattern = pattern;
        this.severity = severity;
    }

    public String getPattern() {
        return pattern;
    }

    public String getSeverity() {
        return severity;
    }

    @Override
    public String toString() {
        return "Finding " + pattern + " " + severity;
    }
}
