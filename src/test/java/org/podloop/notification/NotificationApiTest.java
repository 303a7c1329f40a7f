package org.podloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.podloop.identity.Directory;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code /api/me/notifications} and a team's chat webhooks as their users call them, good input and bad. */
class NotificationApiTest extends ApiTest {

    @Autowired
    private Directory directory;

    private String member;

    @Override
    protected String[] teamMembers() {
        member = "ada" + UUID.randomUUID().toString().substring(0, 6);
        directory.ensureUser(member, "Ada", "Test", PodloopClient.PASSWORD, member + "@nudges.test");
        return new String[] {member};
    }

    private PodloopClient.Response put(Object body) {
        return client.send(member, "PUT", "/api/me/notifications", body);
    }

    private JsonNode mine() {
        PodloopClient.Response response = client.get(member, "/api/me/notifications");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aPersonSeesHerDefaultsAndChangesThem() {
        JsonNode defaults = mine();
        assertThat(defaults.path("email").asBoolean()).isTrue();
        assertThat(defaults.path("timeZone").asText()).isEqualTo("UTC");
        assertThat(defaults.has("quietHours")).isFalse();
        assertThat(defaults.path("mailAddress").asText()).isEqualTo(member + "@nudges.test");
        assertThat(defaults.path("weeklyLimit").asInt()).isEqualTo(3);
        assertThat(defaults.path("mailsThisWeek").asInt()).isZero();

        String pause = LocalDate.now().plusDays(10).toString();
        PodloopClient.Response saved = put(Map.of(
                "email",
                false,
                "timeZone",
                "Europe/Berlin",
                "quietHours",
                Map.of("from", "21:30", "to", "07:00"),
                "pausedUntil",
                pause));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        JsonNode now = mine();
        assertThat(now.path("email").asBoolean()).isFalse();
        assertThat(now.path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(now.at("/quietHours/from").asText()).isEqualTo("21:30");
        assertThat(now.at("/quietHours/to").asText()).isEqualTo("07:00");
        assertThat(now.path("pausedUntil").asText()).isEqualTo(pause);

        // a PUT says it all: what it leaves out is back to its default
        assertThat(put(Map.of("timeZone", "America/New_York")).status()).isEqualTo(200);
        JsonNode replaced = mine();
        assertThat(replaced.path("email").asBoolean()).isTrue();
        assertThat(replaced.has("quietHours")).isFalse();
        assertThat(replaced.has("pausedUntil")).isFalse();
    }

    @Test
    void badPreferencesAreRefusedNamingTheFieldAndStoreNothing() {
        assertThat(put(Map.of("timeZone", "Europe/Berlin")).status()).isEqualTo(200);
        Map<String, Object> quietTo = new HashMap<>();
        quietTo.put("from", "22:00");
        Map<String, Map<String, Object>> refused = Map.of(
                "timeZone", Map.of("timeZone", "Mars/Olympus_Mons"),
                "quietHours.from", Map.of("quietHours", Map.of("from", "25:00", "to", "07:00")),
                "quietHours.to", Map.of("quietHours", quietTo),
                "pausedUntil", Map.of("pausedUntil", "next friday"),
                "email", Map.of("email", "yes"));
        refused.forEach((field, body) -> {
            PodloopClient.Response response = put(body);
            assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
            assertThat(response.body().path("field").asText())
                    .as(response.body().toString())
                    .isEqualTo(field);
            assertThat(response.body().path("detail").asText()).doesNotContain("Exception", "java.", "SQL");
        });
        PodloopClient.Response same = put(Map.of("quietHours", Map.of("from", "22:00", "to", "22:00")));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body().path("field").asText()).isEqualTo("quietHours.to");
        PodloopClient.Response tooFar =
                put(Map.of("pausedUntil", LocalDate.now().plusYears(2).toString()));
        assertThat(tooFar.body().path("field").asText()).isEqualTo("pausedUntil");
        PodloopClient.Response offset = put(Map.of("timeZone", "+05:00"));
        assertThat(offset.body().path("field").asText()).isEqualTo("timeZone");
        PodloopClient.Response past =
                put(Map.of("pausedUntil", LocalDate.now().minusDays(2).toString()));
        assertThat(past.body().path("field").asText()).isEqualTo("pausedUntil");
        PodloopClient.Response extreme = put(Map.of("pausedUntil", "+999999999-12-31"));
        assertThat(extreme.status()).isEqualTo(400);
        // what GET shows may go back as it is
        assertThat(put(mine()).status()).isEqualTo(200);
        PodloopClient.Response unknown = put(Map.of("sms", true));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().toString()).contains("sms");
        // nothing of it was stored
        assertThat(mine().path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(client.send(null, "GET", "/api/me/notifications", null).status())
                .isEqualTo(401);
    }

    @Test
    void onlyAdministratorsSetATeamsChatWebhooksAndTheirSecretPathIsNeverShown() {
        String path = "/api/teams/" + team + "/chat-webhooks";
        Map<String, Object> hooks = Map.of(
                "slack", "https://hooks.slack.com/services/T000/B000/XXXXSECRET",
                "teams",
                        "https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=SECRET");
        assertThat(client.send(member, "PUT", path, hooks).status()).isEqualTo(403);
        assertThat(client.get(member, path).status()).isEqualTo(403);

        PodloopClient.Response set = client.send("demo", "PUT", path, hooks);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().path("slack").asText()).isEqualTo("https://hooks.slack.com/…");
        assertThat(set.body().toString()).doesNotContain("SECRET");
        assertThat(client.get("demo", path).body().path("teams").asText())
                .isEqualTo("https://prod-01.westeurope.logic.azure.com/…");

        for (String bad : new String[] {
            "ftp://hooks.example.org/x", "javascript:alert(1)", "not a url", "https://user:pw@hooks.example.org/x"
        }) {
            PodloopClient.Response refused = client.send("demo", "PUT", path, Map.of("slack", bad));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body().path("field").asText()).isEqualTo("slack");
        }
        assertThat(client.get("demo", path).body().path("slack").asText()).isEqualTo("https://hooks.slack.com/…");
        assertThat(client.send("demo", "PUT", "/api/teams/no-such-team/chat-webhooks", hooks)
                        .status())
                .isEqualTo(404);

        // removing them: both null
        assertThat(client.send("demo", "PUT", path, Map.of()).status()).isEqualTo(200);
        assertThat(client.get("demo", path).body().has("slack")).isFalse();
    }
}
