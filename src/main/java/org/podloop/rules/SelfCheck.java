package org.podloop.rules;

import java.util.List;
import java.util.Map;

/**
 * The scenarios of {@code self-check.yaml}: verdicts every ruleset must still reach, or it may not
 * serve. Versioned with the rules; the module that judges runs them (a {@link RulesetCheck}).
 */
public record SelfCheck(List<ClassificationScenario> classification, List<VerificationScenario> verification) {

    public static final String FILE = "self-check.yaml";

    /** A folder without {@code self-check.yaml} checks nothing. */
    static final SelfCheck NONE = new SelfCheck(List.of(), List.of());

    public SelfCheck {
        classification = classification == null ? List.of() : List.copyOf(classification);
        verification = verification == null ? List.of() : List.copyOf(verification);
    }

    /**
     * Signals of one snapshot, optionally the standard deviation of some of them ({@code sd}
     * {metric: sd}, as from survey answers), and the findings they must make ({pattern: severity};
     * empty: none).
     */
    public record ClassificationScenario(
            String name, Map<String, Double> signals, Map<String, Double> sd, Map<String, String> expect) {

        public ClassificationScenario {
            sd = sd == null ? Map.of() : Map.copyOf(sd);
        }
    }

    /** Baseline and re-measure of an intervention's metrics and the outcome they must be verified as. */
    public record VerificationScenario(
            String name,
            String intervention,
            Map<String, Double> baseline,
            Map<String, Double> remeasure,
            String expect) {}

    static SelfCheck parse(byte[] yaml) {
        SelfCheck parsed = YamlFile.read(FILE, yaml, SelfCheck.class, FILE + " is not valid");
        return parsed == null ? NONE : parsed;
    }
}
