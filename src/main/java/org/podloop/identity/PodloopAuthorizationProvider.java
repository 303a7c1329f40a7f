package org.podloop.identity;

import java.util.Arrays;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The grants the engine makes by itself when things are created, where Podloop decides otherwise than
 * Camunda's defaults:
 * <ul>
 * <li>Camunda grants a candidate group access to a task when the group is added, but keeps the grant when
 * the group is removed; here the grant goes with the candidacy, so a pod taken off a task loses it.</li>
 * <li>Camunda grants every new user ALL on her own user; here that is all but DELETE: she reads and updates
 * her profile and password, only administrators delete users (existing grants: {@link AccessPolicy}).</li>
 * </ul>
 */
class PodloopAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
        if (!IdentityLinkType.CANDIDATE.equals(type)) {
            return super.deleteTaskGroupIdentityLink(task, groupId, type);
        }
        AuthorizationEntity grant = Context.getCommandContext()
                .getAuthorizationManager()
                .findAuthorizationByGroupIdAndResourceId(
                        Authorization.AUTH_TYPE_GRANT, groupId, Resources.TASK, task.getId());
        return grant == null ? null : new AuthorizationEntity[] {grant};
    }

    @Override
    public AuthorizationEntity[] newUser(User user) {
        AuthorizationEntity[] grants = super.newUser(user);
        if (grants != null) {
            Arrays.stream(grants).forEach(PodloopAuthorizationProvider::withoutSelfDeletion);
        }
        return grants;
    }

    /** Removes DELETE from a user's grant on her own user, if it is one. */
    static void withoutSelfDeletion(Authorization grant) {
        if (grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
                && grant.getResourceType() == Resources.USER.resourceType()
                && grant.getUserId() != null
                && grant.getUserId().equals(grant.getResourceId())) {
            grant.removePermission(Permissions.DELETE);
        }
    }
}
