package org.podloop.identity;

import java.util.List;
import java.util.Optional;
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

    /** RFC 2606's reserved top-level domain: an address there is a placeholder, never mailed to. */
    static final String NO_MAIL_DOMAIN = "podloop.invalid";

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
        ensureUser(id, firstName, lastName, password, id + "@" + NO_MAIL_DOMAIN);
    }

    /** A user with her mail address ({@code …@podloop.invalid}: none, nothing is mailed to her). */
    public void ensureUser(String id, String firstName, String lastName, String password, String email) {
        system.run(() -> {
            if (!userExists(id)) {
                User user = identity.newUser(id);
                user.setFirstName(firstName);
                user.setLastName(lastName);
                user.setEmail(email);
                user.setPassword(password);
                identity.saveUser(user);
            } else {
                User user = identity.createUserQuery().userId(id).singleResult();
                if (user != null && mailAddress(user.getEmail()) == null && mailAddress(email) != null) {
                    // a user seeded before she had an address gets it (only a placeholder is ever replaced)
                    user.setEmail(email);
                    identity.saveUser(user);
                }
            }
        });
    }

    /** Who a message is for: her first name and mail address, as the identity service has them; empty for no user. */
    public Optional<Person> person(String id) {
        return system.call(() -> Optional.ofNullable(
                        identity.createUserQuery().userId(id).singleResult())
                .map(user -> new Person(
                        user.getId(),
                        user.getFirstName() == null || user.getFirstName().isBlank()
                                ? user.getId()
                                : user.getFirstName(),
                        mailAddress(user.getEmail()))));
    }

    /** A person to tell something; {@code email} is null when she has no address to mail to. */
    public record Person(String id, String firstName, String email) {}

    private static String mailAddress(String email) {
        return email == null || email.isBlank() || email.endsWith("@" + NO_MAIL_DOMAIN) || !email.contains("@")
                ? null
                : email.strip();
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
