package org.podloop.classification;

import java.time.Instant;
import java.util.List;
import org.podloop.common.Problems;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.Intervention;
import org.podloop.rules.RulesetBuildException;
import org.podloop.rules.RulesetInfo;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClassificationController {

    private final ActiveRuleset rulesets;
    private final Backtester backtester;

    ClassificationController(ActiveRuleset rulesets, Backtester backtester) {
        this.rulesets = rulesets;
        this.backtester = backtester;
    }

    @GetMapping("/api/interventions")
    List<Intervention> interventions() {
        return rulesets.interventions();
    }

    @GetMapping("/api/rules")
    RulesetInfo rules() {
        return rulesets.info();
    }

    @PostMapping("/api/rules/reload")
    RulesetInfo reload() {
        return rulesets.reload();
    }

    record BacktestRequest(Instant from, Instant to) {}

    @PostMapping("/api/rules/backtest")
    Backtest backtest(@RequestBody BacktestRequest request) {
        return backtester.run(request.from(), request.to());
    }

    /** The folder does not build or fails its self-check: 422 with every compiler message or failed scenario. */
    @ExceptionHandler(RulesetBuildException.class)
    ProblemDetail refused(RulesetBuildException e) {
        return Problems.of(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "Ruleset refused",
                        e.getMessage().lines().findFirst().orElse("") + "; the active ruleset keeps serving")
                .property("problems", e.problems())
                .build();
    }
}
