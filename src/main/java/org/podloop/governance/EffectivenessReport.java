package org.podloop.governance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Which interventions verifiably reduced which pattern: per pattern and intervention, the teams and loops
 * that tried it for that pattern, the outcomes for that pattern, the mean change of each targeted metric in
 * its own unit, and a unit-free standardized effect (null: unavailable, a measurement lacked its sd).
 */
public record EffectivenessReport(List<Row> rows) {

    public record Row(
            String pattern,
            String interventionId,
            int teams,
            int loops,
            int iterations,
            int reduced,
            int notReduced,
            int worsened,
            int inconclusive,
            List<MetricFigure> effects,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double standardizedEffect,
            int standardizedIterations) {}

    /**
     * One targeted metric: the mean change over the {@code iterations} that measured it both times, in
     * {@code unit} and the metric's good direction (positive: better), and its mean standardized change over
     * the {@code standardizedIterations} whose measurements came with standard deviations.
     */
    public record MetricFigure(
            String metric,
            String unit,
            int iterations,
            double meanImprovement,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double standardizedEffect,
            int standardizedIterations) {

        /** For the page: "handoff_delay_hours +18.0 hours (1 iteration)". */
        public String text() {
            return metric + " " + (meanImprovement > 0 ? "+" : "") + meanImprovement + " " + unit + " (" + iterations
                    + (iterations == 1 ? " iteration)" : " iterations)");
        }
    }
}
