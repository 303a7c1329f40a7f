package org.podloop.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.podloop.loop.Decision;
import org.podloop.loop.ProcessIds;
import org.podloop.support.LoopScenario;
import org.springframework.beans.factory.annotation.Autowired;

/** The effectiveness report over finished loops with known outcomes, and the recommendations that read it. */
class EffectivenessReportTest extends LoopScenario {

    @Autowired
    Effectiveness effectiveness;

    private static final String HANDOFFS = "handoff_delay_hours";

    /** A loop on delayed handoffs (48 hours) that runs {@code intervention} and is re-measured at {@code after}. */
    private ProcessInstance handoffLoop(String intervention, Map<String, Double> after) {
        newTeam();
        openLoop(Map.of(HANDOFFS, 48.0));
        ProcessInstance iteration = chooseAndRun(intervention);
        measure(after);
        return iteration;
    }

    private ProcessInstance handoffLoop(Map<String, Double> after) {
        return handoffLoop("handoff-checklist", after);
    }

    @Test
    void eachPatternAndInterventionCountsItsLoopsOutcomesAndMedianEffect() {
        decide(handoffLoop(Map.of(HANDOFFS, 30.0)), Decision.CLOSE);
        handoffLoop(Map.of(HANDOFFS, 47.0));
        handoffLoop(Map.of(HANDOFFS, 70.0));
        BpmnAwareTests.assertThat(handoffLoop(Map.of("engagement", 70.0)))
                .isEnded()
                .variables()
                .containsEntry(ProcessIds.VAR_VERIFICATION_OUTCOME, "INCONCLUSIVE");

        EffectivenessReport.Row row = effectiveness.report(null).rows().stream()
                .filter(r -> r.pattern().equals("DELAYED_HANDOFFS")
                        && r.interventionId().equals("handoff-checklist"))
                .findFirst()
                .orElseThrow();

        // effects: 48 → 30 is +18 hours, 48 → 47 is +1, 48 → 70 is −22; the inconclusive one has none
        assertThat(row)
                .isEqualTo(new EffectivenessReport.Row("DELAYED_HANDOFFS", "handoff-checklist", 4, 1, 1, 1, 1, 1.0));
    }

    /** Uses its own intervention, so that it does not change the figures the test above counts exactly. */
    @Test
    void theRecommendationsOfAnotherTeamReadTheSameFigures() {
        decide(handoffLoop("pairing-at-handoffs", Map.of(HANDOFFS, 30.0)), Decision.CLOSE);
        EffectivenessReport.Row row = effectiveness.report(null).rows().stream()
                .filter(r -> r.pattern().equals("DELAYED_HANDOFFS")
                        && r.interventionId().equals("pairing-at-handoffs"))
                .findFirst()
                .orElseThrow();

        newTeam();
        openLoop(Map.of(HANDOFFS, 50.0));

        String verified = String.valueOf(row.reduced() + row.notReduced() + row.worsened());
        assertThat((String) BpmnAwareTests.assertThat(currentIteration())
                        .variables()
                        .actual()
                        .get(ProcessIds.VAR_RECOMMENDATION_SUMMARY))
                .startsWith("1. pairing-at-handoffs")
                .contains("verifiably reduced DELAYED_HANDOFFS in " + row.reduced() + " of " + verified
                        + " verified iterations in other teams");
    }
}
