package org.podloop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.podloop.classification.VerificationOutcome;

/**
 * The BPMN routes on the names of the Java enums (a condition can only compare text): every literal a
 * condition in {@code processes/} compares a decision or an outcome with is a constant of its enum, and
 * every constant has a way out of its gateway.
 */
class ProcessVocabularyTest {

    private static final Pattern COMPARISON = Pattern.compile("(\\w+)\\s*[!=]=\\s*'(\\w+)'");
    private static final Map<String, List<String>> VOCABULARY = Map.of(
            ProcessIds.VAR_ITERATION_OUTCOME, names(Decision.values()),
            ProcessIds.VAR_VERIFICATION_OUTCOME, names(VerificationOutcome.values()));

    @Test
    void everyComparedLiteralIsAConstantOfItsEnum() throws IOException {
        List<String> compared = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher comparison = COMPARISON.matcher(Files.readString(file));
                while (comparison.find()) {
                    String variable = comparison.group(1);
                    assertThat(VOCABULARY)
                            .as("%s compares %s, which has no enum", file, variable)
                            .containsKey(variable);
                    assertThat(VOCABULARY.get(variable))
                            .as("%s: %s", file, comparison.group())
                            .contains(comparison.group(2));
                    compared.add(variable + "=" + comparison.group(2));
                }
            }
        }
        // every decision has its own flow; the verification gateway splits REDUCED from the rest
        for (Decision decision : Decision.values()) {
            assertThat(compared).contains(ProcessIds.VAR_ITERATION_OUTCOME + "=" + decision.name());
        }
        assertThat(compared).contains(ProcessIds.VAR_VERIFICATION_OUTCOME + "=" + VerificationOutcome.REDUCED.name());
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }
}
