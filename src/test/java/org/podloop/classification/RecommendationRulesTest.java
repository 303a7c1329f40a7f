package org.podloop.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** rules/recommendation.drl over rules/interventions.yaml */
class RecommendationRulesTest {

    private final Judgement judgement = ShippedRules.judgement();
    private final FindingView suppressedFeedback = new FindingView("SUPPRESSED_FEEDBACK", "HIGH", List.of(), List.of(), "v");

    @Test
    void interventionsForThePatternAreRankedInCatalogueOrder() {
        List<RecommendedIntervention> ranked = judgement.recommend(List.of(suppressedFeedback), Set.of());

        assertThat(ranked).extracting(RecommendedIntervention::rank, RecommendedIntervention::interventionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "speak-up-round"),
                        org.assertj.core.groups.Tuple.tuple(2, "anonymous-pre-mortem"));
        assertThat(ranked.get(0).reason()).contains("SUPPRESSED_FEEDBACK");
        assertThat(ranked.get(0).rules()).extracting(FiredRule::name)
                .containsExactly("An untried intervention that addresses a finding's pattern is recommended for it");
    }

    @Test
    void anInterventionTriedInTheLoopIsNotRecommendedAgain() {
        List<RecommendedIntervention> ranked = judgement.recommend(List.of(suppressedFeedback), Set.of("speak-up-round"));

        assertThat(ranked).extracting(RecommendedIntervention::interventionId).containsExactly("anonymous-pre-mortem");
        assertThat(ranked.get(0).rank()).isEqualTo(1);
    }

    @Test
    void noFindingsMeansNoRecommendations() {
        assertThat(judgement.recommend(List.of(), Set.of())).isEmpty();
    }

    @Test
    void aPatternNoInterventionAddressesGetsNone() {
        FindingView burnout = new FindingView("BURNOUT_RISK", "HIGH", List.of(), List.of(), "v");

        assertThat(judgement.recommend(List.of(burnout), Set.of())).isEmpty();
    }
}
