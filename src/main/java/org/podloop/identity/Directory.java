package org.podloop.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Users and groups, kept in Camunda's identity service so that the Tasklist, the REST API and our
 * own API agree on who belongs to which pod. Every method is idempotent.
 */
@Service
public class Directory {

    private final IdentityService identity;

    Directory(IdentityService identity) {
        this.identity = identity;
    }

    public void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    public void ensurePod(String teamKey, String teamName) {
        ensureGroup(Groups.pod(teamKey), "Pod of " + teamName, "POD");
    }

    public void ensureUser(String id, String firstName, String lastName, String password) {
        if (!userExists(id)) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@podloop.invalid");
            user.setPassword(password);
            identity.saveUser(user);
        }
    }

    public boolean userExists(String id) {
        return identity.createUserQuery().userId(id).count() > 0;
    }

    public void ensureMembership(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    public List<String> membersOf(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()
                .stream().map(User::getId).toList();
    }

    /** The user acting in the current engine call or request, or {@code null} for the system itself. */
    public String currentUser() {
        var authentication = identity.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
