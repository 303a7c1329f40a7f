package org.podloop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** rules/work-tracking.yaml: the shipped file, a team's own lists over the defaults, and what is refused. */
class WorkTrackingTest {

    private static WorkTracking parse(String yaml) {
        return WorkTracking.parse(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedMappingReadsAndATeamsListReplacesTheDefaultsOfTheSameName() throws Exception {
        WorkTracking shipped = WorkTracking.parse(Files.readAllBytes(Path.of("rules", "work-tracking.yaml")));
        assertThat(shipped.forTeam("any").waiting()).contains("In Review", "Blocked");

        WorkTracking own = parse("defaults: {waiting: [In Review]}\nteams: {atlas: {waiting: [QA]}}\n");
        assertThat(own.forTeam("atlas").waiting()).containsExactly("QA");
        assertThat(own.forTeam("atlas").inProgress()).containsExactly("In Progress");
        assertThat(own.forTeam("borealis").waiting()).containsExactly("In Review");
    }

    @Test
    void anEmptyNameAStatusOfTwoKindsOrAnUnknownFieldIsRefused() {
        assertThatThrownBy(() -> parse("defaults: {waiting: [\"\", Blocked]}\n"))
                .isInstanceOf(RulesetBuildException.class)
                .hasMessageContaining("work-tracking");
        assertThatThrownBy(() -> parse("teams: {atlas: {done: [In Review]}}\n"))
                .isInstanceOf(RulesetBuildException.class)
                .satisfies(
                        e -> assertThat(((RulesetBuildException) e).problems().toString())
                                .contains("'In Review' is both waiting and done"));
        assertThatThrownBy(() -> parse("defaults: {wating: [In Review]}\n")).isInstanceOf(RulesetBuildException.class);
    }
}
