package org.podloop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient.Response;

/** The demo teams have five members each, so a survey of the pod clears the privacy minimum; each can log in. */
class DemoTeamsTest extends ApiTest {

    @Override
    protected String[] teamMembers() {
        return new String[0];
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"atlas, paula pete priya pavel petra", "borealis, quinn bruno bea boris bianca"})
    void eachDemoTeamHasFiveMembersWhoCanLogIn(String key, String members) {
        List<String> expected = List.of(members.split(" "));
        Response team = client.get("demo", "/api/teams/" + key);

        assertThat(team.status()).isEqualTo(200);
        assertThat(team.body().get("members"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(expected);
        expected.forEach(
                member -> assertThat(client.get(member, "/api/teams/" + key).status())
                        .as(member)
                        .isEqualTo(200));
    }
}
