package org.podloop.classification;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClassificationController {

    private final ClassificationService classification;
    private final ActiveRuleset rulesets;

    ClassificationController(ClassificationService classification, ActiveRuleset rulesets) {
        this.classification = classification;
        this.rulesets = rulesets;
    }

    @GetMapping("/api/interventions")
    List<Intervention> interventions() {
        return classification.interventions();
    }

    @GetMapping("/api/rules")
    Map<String, Object> rules() {
        Ruleset active = rulesets.current();
        List<Map<String, Object>> rules = active.kieBase().getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .sorted(Comparator.comparing(Rule::getName))
                .map(r -> Map.<String, Object>of("name", r.getName(), "package", r.getPackageName(),
                        "metadata", RuleRun.metadataOf(r)))
                .toList();
        return Map.of("version", active.version(), "loadedAt", active.loadedAt(), "rules", rules);
    }
}
