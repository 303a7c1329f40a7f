package org.podloop.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Service;

/**
 * Users and groups, kept in Camunda's identity service so that the Tasklist, the REST API and our
 * own API agree on who belongs to which pod. Every method is idempotent. Callers have been authorized
 * by our API already (only administrators create teams), so the engine calls run as {@link SystemAccess}.
 */
@Service
public class Directory {

    private final IdentityService identity;
    private final SystemAccess system;
    private final AccessPolicy access;

    Directory(IdentityService identity, SystemAccess system, AccessPolicy access) {
        this.identity = identity;
        this.system = system;
        this.access = access;
    }

    /** The team's pod group, with its Tasklist access and filters. */
    public void ensurePod(String teamKey, String teamName) {
        String pod = Groups.pod(teamKey);
        system.run(() -> {
            if (identity.createGroupQuery().groupId(pod).count() == 0) {
                Group group = identity.newGroup(pod);
                group.setName("Pod of " + teamName);
                group.setType(Groups.POD_TYPE);
                identity.saveGroup(group);
            }
        });
        access.ensurePodAccess(pod);
    }

    public void ensureUser(String id, String firstName, String lastName, String password) {
        system.run(() -> {
            if (!userExists(id)) {
                User user = identity.newUser(id);
                user.setFirstName(firstName);
                user.setLastName(lastName);
                user.setEmail(id + "@podloop.invalid");
                user.setPassword(password);
                identity.saveUser(user);
            }
        });
    }

    public boolean userExists(String id) {
        return system.call(() -> identity.createUserQuery().userId(id).count() > 0);
    }

    public void ensureMembership(String userId, String groupId) {
        system.run(() -> {
            if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
                identity.createMembership(userId, groupId);
            }
        });
    }

    public List<String> membersOf(String groupId) {
        return system.call(
                () -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().unlimitedList().stream()
                        .map(User::getId)
                        .toList());
    }

    /** The user acting in the current engine call or request, or {@code null} for the system itself. */
    public String currentUser() {
        var authentication = identity.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /**
     * Who acts, as audit entries and the timeline name them: the user, and for a request authenticated by an
     * API token the token too ({@code collector (token "survey-export nightly")}); {@code null} for the system.
     */
    public String currentActor() {
        var authentication = identity.getCurrentAuthentication();
        if (authentication instanceof ApiTokenAuthentication.InEngine token) {
            return token.actor();
        }
        return authentication == null ? null : authentication.getUserId();
    }

    /** The ids of the user's groups, pods and roles alike. */
    public List<String> groupsOf(String userId) {
        return system.call(() -> identity.createGroupQuery().groupMember(userId).unlimitedList().stream()
                .map(Group::getId)
                .toList());
    }

    /**
     * Lifts Camunda's login lock (and resets its count of failures) of a user who has failed to log in;
     * {@code true} when there was anything to lift.
     */
    boolean unlock(String userId) {
        return system.call(() -> {
            boolean failedBefore = identity.createUserQuery().userId(userId).singleResult() instanceof UserEntity user
                    && (user.getAttempts() > 0 || user.getLockExpirationTime() != null);
            if (failedBefore) {
                identity.unlockUser(userId);
            }
            return failedBefore;
        });
    }
}
