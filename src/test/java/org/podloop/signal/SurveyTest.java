package org.podloop.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.podloop.rules.Metric;
import org.podloop.rules.MetricCatalogue;
import org.podloop.rules.Survey;

/** Survey scoring with the shipped catalogue's scales. */
class SurveyTest {

    private static final MetricCatalogue CATALOGUE = MetricCatalogue.of(Path.of("rules"));
    private final Survey psychologicalSafety =
            CATALOGUE.find("psychological_safety").orElseThrow().survey();

    @Test
    void edmondsonsScaleHasSevenItemsWithItemsOneThreeAndFiveReverseScored() {
        assertThat(psychologicalSafety.items()).hasSize(7);
        assertThat(psychologicalSafety.reverseScored()).containsExactly(1, 3, 5);
        assertThat(psychologicalSafety.scaleMin()).isEqualTo(1);
        assertThat(psychologicalSafety.scaleMax()).isEqualTo(7);
    }

    @Test
    void disagreeingWithTheNegativeItemsAndAgreeingWithTheOthersIsFullSafety() {
        MetricValue value =
                SurveyScoring.score(psychologicalSafety, List.of(List.of(1.0, 7.0, 1.0, 7.0, 1.0, 7.0, 7.0)));

        assertThat(value.mean()).isEqualTo(100.0);
        assertThat(value.sd()).isEqualTo(0.0);
        assertThat(value.respondents()).isEqualTo(1);
    }

    @Test
    void answeringSevenToEveryItemIsNotFullSafetyBecauseThreeItemsAreReversed() {
        // (1 + 7 + 1 + 7 + 1 + 7 + 7) / 7 = 31/7 on 1–7 → (31/7 − 1) / 6 × 100
        assertThat(SurveyScoring.score(psychologicalSafety, List.of(List.of(7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0)))
                        .mean())
                .isEqualTo(57.14);
    }

    @Test
    void theTeamScoreIsTheMeanOfRespondentsWithTheirSampleStandardDeviation() {
        MetricValue value = SurveyScoring.score(
                psychologicalSafety,
                List.of(List.of(1.0, 7.0, 1.0, 7.0, 1.0, 7.0, 7.0), List.of(7.0, 1.0, 7.0, 1.0, 7.0, 1.0, 1.0)));

        assertThat(value.mean()).isEqualTo(50.0);
        assertThat(value.sd()).isEqualTo(70.71);
        assertThat(value.respondents()).isEqualTo(2);
    }

    @Test
    void everySurveyOfTheCatalogueScoresItsMiddleAnswersAsFifty() {
        CATALOGUE.all().stream().filter(m -> m.survey() != null).forEach(metric -> {
            List<Double> middle =
                    metric.survey().items().stream().map(item -> 4.0).toList();
            assertThat(SurveyScoring.score(metric.survey(), List.of(middle)).mean())
                    .as(metric.key())
                    .isEqualTo(50.0);
        });
        assertThat(CATALOGUE.all().stream().filter(m -> m.survey() != null).map(Metric::key))
                .containsExactlyInAnyOrder("psychological_safety", "engagement", "alignment", "wellbeing");
    }
}
