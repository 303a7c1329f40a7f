package org.podloop.rules;

import java.util.List;

/** The rules folder does not build into a usable ruleset; {@link #problems()} name file and line. */
public class RulesetBuildException extends RuntimeException {

    private final List<String> problems;

    public RulesetBuildException(String message, List<String> problems) {
        super(message + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
