package org.podloop.classification;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.podloop.rules.Ruleset;

/**
 * One team snapshot through the shipped ruleset, as the application classifies it: the classification
 * and trend rules with three earlier snapshots, then the recommendation rules on the findings.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClassificationBenchmark {

    private static final Path RULES = Path.of("rules");

    private Ruleset ruleset;
    private Judgement judgement;
    private final Map<String, Double> snapshot = Map.of(
            "psychological_safety",
            41.0,
            "engagement",
            58.0,
            "alignment",
            55.0,
            "wellbeing",
            45.0,
            "handoff_delay_hours",
            30.0,
            "feedback_rate",
            0.8,
            "ownership_clarity",
            50.0);
    private final List<Map<String, Double>> history =
            List.of(Map.of("engagement", 61.0), Map.of("engagement", 64.0), Map.of("engagement", 70.0));

    @Setup(Level.Trial)
    public void buildTheRuleset() {
        ruleset = Ruleset.build(RULES, Instant.now());
        judgement = new Judgement(ruleset);
    }

    @TearDown(Level.Trial)
    public void close() {
        ruleset.close();
    }

    @Benchmark
    public List<RecommendedIntervention> classifyAndRecommend() {
        return judgement.recommend(judgement.classify(snapshot, 8, history), java.util.Set.of());
    }

    /** Building the KieBase of the shipped rules from source, as a reload does; milliseconds per build. */
    public static double rulesetBuildMillis(int builds) {
        double[] millis = new double[builds];
        for (int i = 0; i < builds; i++) {
            long start = System.nanoTime();
            Ruleset built = Ruleset.build(RULES, Instant.now());
            millis[i] = (System.nanoTime() - start) / 1e6;
            built.close();
        }
        java.util.Arrays.sort(millis);
        return millis[builds / 2];
    }
}
