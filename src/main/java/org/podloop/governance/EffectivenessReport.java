package org.podloop.governance;

import java.util.List;

/**
 * Which interventions verifiably reduced which pattern: per pattern and intervention, the loops that
 * tried it, the verification outcomes, and the median effect (mean improvement of the targeted
 * metrics, in their units and good direction) of the iterations that could be compared.
 */
public record EffectivenessReport(List<Row> rows) {

    public record Row(
            String pattern,
            String interventionId,
            int loops,
            int reduced,
            int notReduced,
            int worsened,
            int inconclusive,
            Double medianEffect) {}
}
