package org.podloop.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.podloop.rules.Ruleset;

/** rules/recommendation.drl over rules/interventions.yaml */
class RecommendationRulesTest {

    private final Judgement judgement = ShippedRules.judgement();
    private final FindingView suppressedFeedback =
            new FindingView("SUPPRESSED_FEEDBACK", "HIGH", List.of(), List.of(), "v");

    @Test
    void interventionsForThePatternAreRankedInCatalogueOrder() {
        List<RecommendedIntervention> ranked = judgement.recommend(List.of(suppressedFeedback), Set.of());

        assertThat(ranked)
                .extracting(RecommendedIntervention::rank, RecommendedIntervention::interventionId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "speak-up-round"),
                        org.assertj.core.groups.Tuple.tuple(2, "anonymous-pre-mortem"));
        assertThat(ranked.get(0).reason()).contains("SUPPRESSED_FEEDBACK");
        assertThat(ranked.get(0).rules())
                .extracting(FiredRule::name)
                .containsExactly("An untried intervention that addresses a finding's pattern is recommended for it");
    }

    @Test
    void anInterventionTriedInTheLoopIsNotRecommendedAgain() {
        List<RecommendedIntervention> ranked =
                judgement.recommend(List.of(suppressedFeedback), Set.of("speak-up-round"));

        assertThat(ranked).extracting(RecommendedIntervention::interventionId).containsExactly("anonymous-pre-mortem");
        assertThat(ranked.get(0).rank()).isEqualTo(1);
    }

    @Test
    void whatVerifiablyReducedThePatternInOtherTeamsRanksFirstAndSaysSo() {
        List<RecommendedIntervention> ranked = judgement.recommend(
                List.of(suppressedFeedback),
                Set.of(),
                List.of(
                        new InterventionEffect("anonymous-pre-mortem", "SUPPRESSED_FEEDBACK", 3, 2),
                        new InterventionEffect("speak-up-round", "SUPPRESSED_FEEDBACK", 4, 1)));

        assertThat(ranked)
                .extracting(RecommendedIntervention::interventionId)
                .containsExactly("anonymous-pre-mortem", "speak-up-round");
        assertThat(ranked.get(0).reason())
                .isEqualTo("verifiably reduced SUPPRESSED_FEEDBACK in 2 of 3 verified iterations in other teams");
        assertThat(ranked.get(0).rules())
                .extracting(FiredRule::name)
                .containsExactly(
                        "An intervention that verifiably reduced the pattern in other teams is recommended before the others");
    }

    @Test
    void anInterventionThatNeverReducedThePatternGainsNothing() {
        List<RecommendedIntervention> ranked = judgement.recommend(
                List.of(suppressedFeedback),
                Set.of(),
                List.of(
                        new InterventionEffect("anonymous-pre-mortem", "SUPPRESSED_FEEDBACK", 5, 0),
                        new InterventionEffect("anonymous-pre-mortem", "HIDDEN_DISAGREEMENT", 5, 5)));

        assertThat(ranked)
                .extracting(RecommendedIntervention::interventionId)
                .containsExactly("speak-up-round", "anonymous-pre-mortem");
        assertThat(ranked.get(1).reason()).startsWith("addresses");
    }

    @Test
    void everyPatternTheRulesCanRaiseHasAtLeastTwoInterventions() {
        ShippedRules.ruleset().kieBase().getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .map(rule -> Ruleset.metadataOf(rule).get("pattern"))
                .filter(p -> !p.equals("*"))
                .distinct()
                .forEach(pattern -> assertThat(ShippedRules.ruleset().interventions().stream()
                                .filter(i -> i.patterns().contains(pattern)))
                        .as(pattern)
                        .hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void noFindingsMeansNoRecommendations() {
        assertThat(judgement.recommend(List.of(), Set.of())).isEmpty();
    }

    @Test
    void onlyInterventionsForTheFindingsPatternsAreOffered() {
        FindingView burnout = new FindingView("BURNOUT_RISK", "HIGH", List.of(), List.of(), "v");

        assertThat(judgement.recommend(List.of(burnout), Set.of()))
                .extracting(RecommendedIntervention::interventionId)
                .containsExactly("team-chosen-work", "work-in-progress-limit", "sustainable-pace-agreement");
    }
}
