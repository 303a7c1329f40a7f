package org.podloop.identity;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda grants a candidate group access to a task when the group is added, but keeps the grant when
 * the group is removed; here the grant goes with the candidacy, so a pod taken off a task loses it.
 */
class TaskAccessFollowsCandidateGroups extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
        if (!IdentityLinkType.CANDIDATE.equals(type)) {
            return super.deleteTaskGroupIdentityLink(task, groupId, type);
        }
        AuthorizationEntity grant = Context.getCommandContext().getAuthorizationManager()
                .findAuthorizationByGroupIdAndResourceId(Authorization.AUTH_TYPE_GRANT, groupId, Resources.TASK, task.getId());
        return grant == null ? null : new AuthorizationEntity[] {grant};
    }
}
