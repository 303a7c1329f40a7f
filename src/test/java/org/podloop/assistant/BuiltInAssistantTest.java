package org.podloop.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.podloop.loop.PodTasks;

/** The built-in assistant's session plan and sentences at their boundaries. */
class BuiltInAssistantTest {

    private static final Pattern SESSION = Pattern.compile("A plan for a (\\d+)-minute session");
    private static final Pattern PART = Pattern.compile("^- (\\d+) min: ", Pattern.MULTILINE);

    private static PodTasks.Option option(int steps) {
        return new PodTasks.Option(
                "x",
                1,
                "Try it",
                "why",
                "7 days",
                IntStream.range(0, steps).mapToObj(i -> "Step " + i + ".").toList(),
                "whole team",
                "Not yet verified in another team.");
    }

    @Test
    void theSessionLastsWhatItsPartsAddUpToBetweenFifteenAndSixtyMinutes() {
        for (int steps : List.of(0, 1, 2, 3, 6, 10)) {
            String plan = BuiltInAssistant.plan(option(steps));
            Matcher session = SESSION.matcher(plan);
            assertThat(session.find()).as(plan).isTrue();
            int total = Integer.parseInt(session.group(1));
            Matcher parts = PART.matcher(plan);
            int sum = 0;
            while (parts.find()) {
                sum += Integer.parseInt(parts.group(1));
            }
            assertThat(sum).as(plan).isEqualTo(total);
            assertThat(total).as(plan).isBetween(15, 60);
        }
    }

    @Test
    void aSentenceEndsWithOneFullStop() {
        assertThat(BuiltInAssistant.ended("Friction verifiably dropped")).isEqualTo("Friction verifiably dropped.");
        assertThat(BuiltInAssistant.ended("Already ended.")).isEqualTo("Already ended.");
        assertThat(BuiltInAssistant.ended("  ")).isEmpty();
    }

    @Test
    void theSuggestionFollowsTheVerification() {
        assertThat(BuiltInAssistant.suggestion("REDUCED", false)).startsWith("CLOSE");
        assertThat(BuiltInAssistant.suggestion("NOT_REDUCED", true)).startsWith("ESCALATE");
        assertThat(BuiltInAssistant.suggestion("INCONCLUSIVE", false)).startsWith("REPEAT");
        assertThat(BuiltInAssistant.suggestion("WORSENED", false)).startsWith("REPEAT");
    }
}
