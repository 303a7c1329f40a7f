package org.podloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A user reads and updates her own profile, and does not delete herself: only administrators delete
 * users. Each test has a pod member of its own, so a failing test deletes nobody other tests rely on.
 */
class OwnAccountTest extends ApiTest {

    @Autowired
    Directory directory;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    SystemAccess system;

    @Autowired
    AccessPolicy accessPolicy;

    private String member;

    @Override
    protected String[] teamMembers() {
        return new String[] {};
    }

    @BeforeEach
    void aPodMemberOfItsOwn() {
        member = "own-" + UUID.randomUUID().toString().substring(0, 8);
        directory.ensureUser(member, "Own", "Account", "demo");
        directory.ensureMembership(member, Groups.pod(team));
    }

    @Test
    void aPodMemberUpdatesHerProfileButDoesNotDeleteHerself() {
        assertThat(client.get(member, "/engine-rest/user/" + member + "/profile")
                        .status())
                .isEqualTo(200);
        assertThat(client.send(
                                member,
                                "PUT",
                                "/engine-rest/user/" + member + "/profile",
                                Map.of(
                                        "id",
                                        member,
                                        "firstName",
                                        "Renamed",
                                        "lastName",
                                        "Account",
                                        "email",
                                        member + "@podloop.invalid"))
                        .status())
                .isEqualTo(204);

        assertThat(client.send(member, "DELETE", "/engine-rest/user/" + member, null)
                        .status())
                .isEqualTo(403);

        assertThat(directory.userExists(member)).isTrue();
    }

    @Test
    void aSelfDeletionGrantFromEarlierStartsIsRemovedAtStartUp() {
        system.run(() -> {
            Authorization own = ownGrant();
            own.addPermission(Permissions.DELETE);
            authorizations.saveAuthorization(own);
        });
        assertThat(system.call(() -> ownGrant().isPermissionGranted(Permissions.DELETE)))
                .isTrue();

        accessPolicy.afterPropertiesSet();

        assertThat(system.call(() -> ownGrant().isPermissionGranted(Permissions.DELETE)))
                .isFalse();
        assertThat(system.call(() -> ownGrant().isPermissionGranted(Permissions.UPDATE)))
                .isTrue();
        assertThat(client.send(member, "DELETE", "/engine-rest/user/" + member, null)
                        .status())
                .isEqualTo(403);
        assertThat(directory.userExists(member)).isTrue();
    }

    @Test
    void anAdministratorDeletesUsers() {
        assertThat(client.send("demo", "DELETE", "/engine-rest/user/" + member, null)
                        .status())
                .isEqualTo(204);

        assertThat(directory.userExists(member)).isFalse();
    }

    private Authorization ownGrant() {
        return authorizations
                .createAuthorizationQuery()
                .userIdIn(member)
                .resourceType(Resources.USER)
                .resourceId(member)
                .singleResult();
    }
}
