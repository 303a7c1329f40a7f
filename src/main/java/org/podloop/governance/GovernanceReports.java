package org.podloop.governance;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Governance's reports over every team, as JSON. */
@RestController
class GovernanceReports {

    private final Effectiveness effectiveness;

    GovernanceReports(Effectiveness effectiveness) {
        this.effectiveness = effectiveness;
    }

    /** Which interventions verifiably reduced which pattern, over all teams. */
    @GetMapping("/api/reports/effectiveness")
    EffectivenessReport effectiveness() {
        return effectiveness.report(null);
    }
}
