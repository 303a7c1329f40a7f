package org.podloop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.podloop.support.PodloopClient.bearer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.podloop.common.Sha256;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * API tokens of technical clients: issued by administrators, shown once, stored as a hash, revoked at
 * once, outside Camunda's login lock, and named in the audit. Each test has a signal source of its own,
 * so that locking or revoking never touches the demo users other tests rely on.
 */
class ApiTokenTest extends ApiTest {

    private static final Map<String, Object> SNAPSHOT = Map.of(
            "externalId",
            "by-token",
            "measuredAt",
            "2026-11-01T09:00:00Z",
            "respondents",
            6,
            "signals",
            Map.of("psychological_safety", 38.0));

    @Autowired
    Directory directory;

    @Autowired
    IdentityService identity;

    @Autowired
    SystemAccess system;

    private String source;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    @BeforeEach
    void aSignalSourceOfItsOwn() {
        source = user(Groups.SIGNAL_SOURCES);
    }

    @Test
    void anAdministratorIssuesATokenWhoseSecretIsShownOnceAndStoredOnlyAsItsHash() {
        Response issued = issue(source, "survey-export nightly");

        assertThat(issued.status()).isEqualTo(201);
        String secret = issued.body().get("secret").asText();
        assertThat(secret).startsWith("plt_").hasSize(4 + 43);
        assertThat(issued.body().get("user").asText()).isEqualTo(source);
        assertThat(issued.body().get("name").asText()).isEqualTo("survey-export nightly");
        assertThat(issued.body().get("createdBy").asText()).isEqualTo("demo");
        String id = issued.body().get("id").asText();

        String hash = Sha256.hex(digest -> digest.update(secret.getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.queryForObject(
                        "select secret_hash from api_tokens where id = ?", String.class, UUID.fromString(id)))
                .isEqualTo(hash);
        assertThat(jdbc.queryForObject(
                        "select count(*) from api_tokens where secret_hash = ? or name = ? or user_id = ?",
                        Integer.class,
                        secret,
                        secret,
                        secret))
                .isZero();

        Response listed = client.get("demo", "/api/tokens");
        assertThat(listed.status()).isEqualTo(200);
        JsonNode token = find(listed.body(), id);
        assertThat(token.get("user").asText()).isEqualTo(source);
        assertThat(token.has("created")).isTrue();
        assertThat(token.has("revoked")).isFalse();
        assertThat(listed.body().toString()).doesNotContain(secret, hash, "secret");
    }

    @Test
    void aSignalSourcePostsWithItsTokenAndTheAuditAndTimelineNameTheToken() {
        String secret =
                issue(source, "survey-export nightly").body().get("secret").asText();

        Response posted = client.post(bearer(secret), "/api/teams/" + team + "/snapshots", SNAPSHOT);

        assertThat(posted.status()).isEqualTo(200);
        String actor = source + " (token \"survey-export nightly\")";
        assertThat(jdbc.queryForList(
                        "select actor from audit_entries where kind = 'SNAPSHOT_RECORDED' and content like ?",
                        String.class,
                        "%" + team + "%"))
                .containsExactly(actor);
        UUID loop = UUID.fromString(posted.body().at("/loop/id").asText());
        List<String> timeline = jdbc.queryForList(
                "select actor from loop_timeline where loop_id = ? and actor is not null and actor <> 'assistant'",
                String.class,
                loop);
        assertThat(timeline).isNotEmpty().containsOnly(actor);
        assertThat(find(client.get("demo", "/api/tokens").body(), tokenIdOf(source))
                        .has("lastUsed"))
                .isTrue();
    }

    @Test
    void aTokenCarriesItsUsersRolesAndReachesTheEngineAsHer() {
        String secret = issue(source, "collector").body().get("secret").asText();

        assertThat(client.get(bearer(secret), "/api/interventions").status()).isEqualTo(200);
        // a signal source posts team data; it does not read it back
        assertThat(client.get(bearer(secret), "/api/teams/" + team + "/snapshots")
                        .status())
                .isEqualTo(403);
        assertThat(client.get(bearer(secret), "/api/tokens").status()).isEqualTo(403);
        // nor a person's own settings
        assertThat(client.get(bearer(secret), "/api/me/notifications").status()).isEqualTo(403);
        Response tasks = client.get(bearer(secret), "/engine-rest/task?maxResults=10");
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.body().size()).isZero();
    }

    @Test
    void aRevokedOrUnknownTokenIs401AndCountsNothingTowardTheLoginLock() {
        String secret = issue(source, "to be revoked").body().get("secret").asText();
        String id = tokenIdOf(source);
        assertThat(client.post(bearer(secret), "/api/teams/" + team + "/snapshots", SNAPSHOT)
                        .status())
                .isEqualTo(200);

        assertThat(client.send("demo", "DELETE", "/api/tokens/" + id, null).status())
                .isEqualTo(204);

        for (String presented : List.of(secret, "plt_" + "A".repeat(43), "not-a-token")) {
            Response refused = client.get(bearer(presented), "/api/interventions");
            assertThat(refused.status()).as(presented).isEqualTo(401);
            assertThat(refused.body().get("status").asInt()).isEqualTo(401);
            assertThat(refused.body().get("detail").asText()).contains("API token");
        }
        for (int i = 0; i < 12; i++) {
            client.get(bearer(secret), "/api/interventions");
        }
        assertThat(jdbc.queryForObject(
                        "select coalesce(ATTEMPTS_, 0) from ACT_ID_USER where ID_ = ?", Integer.class, source))
                .isZero();
        assertThat(client.get(source, "/api/interventions").status()).isEqualTo(200);
        assertThat(find(client.get("demo", "/api/tokens").body(), id)
                        .get("revokedBy")
                        .asText())
                .isEqualTo("demo");
        // revoking again keeps the first revocation; an unknown token is 404
        assertThat(client.send("demo", "DELETE", "/api/tokens/" + id, null).status())
                .isEqualTo(204);
        assertThat(client.send("demo", "DELETE", "/api/tokens/" + UUID.randomUUID(), null)
                        .status())
                .isEqualTo(404);

        // the hash-chained record holds who issued and who revoked the token, once each, and never its secret
        assertThat(jdbc.queryForList(
                        "select kind || ' ' || actor from audit_entries where content like ?",
                        String.class,
                        "%" + id + "%"))
                .containsExactly("API_TOKEN_ISSUED demo", "API_TOKEN_REVOKED demo");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entries where content like ?",
                        Integer.class,
                        "%" + secret.substring(4, 20) + "%"))
                .isZero();
        assertThat(client.get("gina", "/api/audit/verify").body().get("intact").asBoolean())
                .isTrue();
    }

    @Test
    void aTokenStillWorksWhileItsUserIsLockedOutOfPasswordLogins() {
        String secret = issue(source, "locked out").body().get("secret").asText();
        // what ten failed logins in a row leave behind (without waiting out Camunda's growing delays)
        jdbc.update("update ACT_ID_USER set ATTEMPTS_ = 10 where ID_ = ?", source);

        assertThat(client.get(source, "/api/interventions").status()).isEqualTo(401);
        assertThat(client.post(bearer(secret), "/api/teams/" + team + "/snapshots", SNAPSHOT)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aTokenStopsWorkingWhenItsUserLeavesTheTechnicalGroups() {
        String secret = issue(source, "leaver").body().get("secret").asText();

        system.run(() -> identity.deleteMembership(source, Groups.SIGNAL_SOURCES));

        assertThat(client.get(bearer(secret), "/api/interventions").status()).isEqualTo(401);
    }

    @Test
    void onlyAdministratorsWithTheirPasswordIssueTokensAndOnlyForTechnicalClients() {
        assertThat(field(issue("paula", "a person"), 400)).isEqualTo("user");
        assertThat(field(issue("nobody-" + UUID.randomUUID(), "unknown"), 400)).isEqualTo("user");
        assertThat(field(issue(source, " "), 400)).isEqualTo("name");
        assertThat(field(issue(source, "two\nlines"), 400)).isEqualTo("name");
        assertThat(field(issue(source, "with \"quotes\""), 400)).isEqualTo("name");
        assertThat(field(issue(source, "x".repeat(61)), 400)).isEqualTo("name");
        assertThat(issue(source, "twice").status()).isEqualTo(201);
        assertThat(issue(source, "twice").status()).isEqualTo(409);

        assertThat(client.post("collector", "/api/tokens", Map.of("user", source, "name", "self-made"))
                        .status())
                .isEqualTo(403);
        assertThat(client.get("gina", "/api/tokens").status()).isEqualTo(403);
        // an administrator who is also a technical client: her token does not manage tokens
        String both = user(Groups.SIGNAL_SOURCES, Groups.ADMINS);
        String secret = issue(both, "admin and source").body().get("secret").asText();
        assertThat(client.get(bearer(secret), "/api/teams").status()).isEqualTo(200);
        assertThat(client.get(bearer(secret), "/api/tokens").status()).isEqualTo(403);
        assertThat(client.post(bearer(secret), "/api/tokens", Map.of("user", both, "name", "minted"))
                        .status())
                .isEqualTo(403);
    }

    private Response issue(String user, String name) {
        return client.post("demo", "/api/tokens", Map.of("user", user, "name", name));
    }

    /** A fresh user with the demo password in {@code groups}. */
    private String user(String... groups) {
        String id = "src-" + UUID.randomUUID().toString().substring(0, 8);
        directory.ensureUser(id, "Test", "Source", "demo");
        for (String group : groups) {
            directory.ensureMembership(id, group);
        }
        return id;
    }

    private String tokenIdOf(String user) {
        return jdbc.queryForObject("select id from api_tokens where user_id = ?", UUID.class, user)
                .toString();
    }

    private static JsonNode find(JsonNode tokens, String id) {
        return StreamSupport.stream(tokens.spliterator(), false)
                .filter(t -> t.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no token " + id + " in " + tokens));
    }

    private static String field(Response response, int status) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        return response.body().get("field").asText();
    }
}
