package org.podloop.classification.facts;

import java.util.List;

/** A catalogue intervention offered to the recommendation rules; {@code rank} is its catalogue position. */
public class InterventionOption {

    private final String id;
    private final List<String> patterns;
    private final int rank;
    private final boolean tried;

    public InterventionOption(String id, List<String> patterns, int rank, boolean tried) {
        this.id = id;
        this.patterns = patterns;
        this.rank = rank;
        this.tried = tried;
    }

    public String getId() {
        return id;
    }

    public List<String> getPatterns() {
        return patterns;
    }

    public int getRank() {
        return rank;
    }

    public boolean isTried() {
        return tried;
    }

    @Override
    public String toString() {
        return "Intervention " + id;
    }
}
