package org.podloop.classification;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClassificationController {

    private final ClassificationService classification;

    ClassificationController(ClassificationService classification) {
        this.classification = classification;
    }

    @GetMapping("/api/interventions")
    List<Intervention> interventions() {
        return classification.interventions();
    }

    @GetMapping("/api/rules")
    RulesetInfo rules() {
        return classification.rules();
    }

    @PostMapping("/api/rules/reload")
    RulesetInfo reload() {
        return classification.reload();
    }

    record BacktestRequest(Instant from, Instant to) {
    }

    @PostMapping("/api/rules/backtest")
    Backtest backtest(@RequestBody BacktestRequest request) {
        return classification.backtest(request.from(), request.to());
    }

    /** The folder does not build or fails its self-check: 422 with every compiler message or failed scenario. */
    @ExceptionHandler(RulesetBuildException.class)
    ProblemDetail refused(RulesetBuildException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                e.getMessage().lines().findFirst().orElse("") + "; the active ruleset keeps serving");
        problem.setTitle("Ruleset refused");
        problem.setProperty("problems", e.problems());
        return problem;
    }
}
