package org.podloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A password the engine verified is remembered for a minute, and nothing that should end it waits for the
 * minute: a password change, a lock, a failed attempt, leaving the team — each counts on the very next
 * request. Each test has a pod member of its own, so that changing or locking it touches no one else.
 */
class VerifiedCredentialsTest extends ApiTest {

    @Autowired
    Directory directory;

    @Autowired
    SystemAccess system;

    @Autowired
    IdentityService identity;

    private String member;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    @BeforeEach
    void aMemberOfItsOwn() {
        member = "cred-" + UUID.randomUUID().toString().substring(0, 8);
        directory.ensureUser(member, "Test", "Member", "first-password");
        directory.ensureMembership(member, "pod-" + team);
    }

    private int snapshotsAs(String credentials) {
        return client.get(credentials, "/api/teams/" + team + "/snapshots").status();
    }

    @Test
    void aRememberedPasswordStillAnswersAsTheEngineWould() {
        assertThat(snapshotsAs(member + ":first-password")).isEqualTo(200);
        assertThat(snapshotsAs(member + ":first-password")).isEqualTo(200);
        assertThat(snapshotsAs(member + ":wrong")).isEqualTo(401);
        // the failed attempt started Camunda's delay: the right password waits it out, as without the memory
        assertThat(snapshotsAs(member + ":first-password")).isEqualTo(401);
    }

    @Test
    void aPasswordChangeEndsTheOldPasswordAtOnce() {
        assertThat(snapshotsAs(member + ":first-password")).isEqualTo(200);

        var changed = client.send(
                "demo",
                "PUT",
                "/engine-rest/user/" + member + "/credentials",
                Map.of("password", "second-password", "authenticatedUserPassword", "demo"));
        assertThat(changed.status()).isEqualTo(204);

        assertThat(snapshotsAs(member + ":second-password")).isEqualTo(200);
        assertThat(snapshotsAs(member + ":first-password")).isEqualTo(401);
    }

    @Test
    void aLockEndsARememberedPasswordAtOnce() {
        assertThat(snapshotsAs(member + ":first-password")).isEqualTo(200);

        // what ten failed logins in a row leave behind (without waiting out Camunda's growing delays)
        jdbc.update("update ACT_ID_USER set ATTEMPTS_ = 10 where ID_ = ?", member);

        assertThat(snapshotsAs(member + ":first-password")).isEqualTo(401);
    }

    @Test
    void leavingTheTeamCountsOnTheNextRequest() {
        assertThat(snapshotsAs(member + ":first-password")).isEqualTo(200);

        system.run(() -> identity.deleteMembership(member, "pod-" + team));

        assertThat(snapshotsAs(member + ":first-password")).isEqualTo(403);
    }
}
