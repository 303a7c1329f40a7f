package org.podloop.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the engine: the role groups with their grants, and per pod its Tasklist access and
 * filters. Ensured at every start and whenever a pod is created; idempotent, and it only ever adds (but
 * for a user's right to delete herself, which it takes away), so what an administrator granted on top in
 * Camunda Admin stays. A pod's access to its tasks is not here: the engine grants it per task to the
 * task's candidate groups (see {@link PodloopAuthorizationProvider}).
 */
@Component
class AccessPolicy implements InitializingBean {

    static final String MY_PODS_TASKS = "My pod's tasks";
    static final String DUE_SOON = "Due soon";
    static final String DECISIONS = "Decisions for governance";
    /** Marks the filters this class owns ({@code <group>/<kind>}), so that it finds them again after a restart, renamed or not. */
    private static final String OWNER_PROPERTY = "podloop";
    /**
     * The key of the loop's iteration process (ProcessIds.LOOP_ITERATION in the loop module, which depends
     * on this one), whose external tasks the pod assistants work.
     */
    static final String LOOP_ITERATION_PROCESS = "LoopIterationProcess";

    private record Grant(Resource resource, String resourceId, Permission... permissions) {}

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final SystemAccess system;
    private final StartupLock startupLock;

    AccessPolicy(
            IdentityService identity,
            AuthorizationService authorizations,
            FilterService filters,
            TaskService tasks,
            SystemAccess system,
            StartupLock startupLock) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.system = system;
        this.startupLock = startupLock;
    }

    /** Before any other bean's start-up work, so that the role groups exist when demo data or an admin account joins them. */
    @Override
    public void afterPropertiesSet() {
        startupLock.exclusively(() -> system.run(() -> {
            ensureGroup(Groups.ADMINS, "Administrators", "SYSTEM");
            ensureGroup(Groups.PROCESS_OWNERS, "Process owners", "WORKFLOW");
            ensureGroup(Groups.GOVERNANCE, "Governance", "WORKFLOW");
            ensureGroup(Groups.SIGNAL_SOURCES, "Signal sources (technical clients)", "SYSTEM");
            ensureGroup(Groups.MONITORING, "Monitoring (metrics scrapers, technical clients)", "SYSTEM");
            ensureGroup(
                    Groups.POD_ASSISTANTS, "Pod assistants (external assistant workers, technical clients)", "SYSTEM");
            grant(Groups.ADMINS, administrators());
            grant(Groups.PROCESS_OWNERS, processOwners());
            grant(Groups.GOVERNANCE, governance());
            grant(Groups.POD_ASSISTANTS, podAssistants());
            retireExpressionFilters();
            retireSelfDeletion();
            // read once, not once per pod: a start with many teams stays linear
            Map<String, Filter> owned = filtersByOwner();
            ensureFilter(
                    owned,
                    Groups.GOVERNANCE,
                    "decisions",
                    DECISIONS,
                    -10,
                    "Decisions waiting for governance, the soonest due first",
                    tasks.createTaskQuery()
                            .taskCandidateGroup(Groups.GOVERNANCE)
                            .includeAssignedTasks()
                            .orderByDueDate()
                            .asc());
            identity.createGroupQuery()
                    .groupType(Groups.POD_TYPE)
                    .unlimitedList()
                    .forEach(pod -> ensurePodAccess(pod.getId(), owned));
        }));
    }

    /** Everything, except deploying: that is the process owners' job (administrators may still read and remove deployments). */
    private static List<Grant> administrators() {
        List<Grant> all = Arrays.stream(Resources.values())
                .filter(r -> r != Resources.DEPLOYMENT)
                .map(r -> new Grant(r, ANY, Permissions.ALL))
                .collect(Collectors.toList());
        all.add(new Grant(Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.DELETE));
        return all;
    }

    /**
     * Definitions, not their instances: an instance's variables are team data (findings, outcome notes,
     * rationales). Migration needs MIGRATE_INSTANCE only; our migrate API finds the instances itself.
     */
    private static List<Grant> processOwners() {
        return List.of(
                new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
                new Grant(Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE),
                new Grant(
                        Resources.PROCESS_DEFINITION,
                        ANY,
                        ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.MIGRATE_INSTANCE,
                        ProcessDefinitionPermissions.SUSPEND));
    }

    /** Reads every loop's runtime and history; works only the tasks it is a candidate for (the decisions). */
    private static List<Grant> governance() {
        return List.of(
                new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
                new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
                new Grant(Resources.DEPLOYMENT, ANY, Permissions.READ),
                new Grant(
                        Resources.PROCESS_DEFINITION,
                        ANY,
                        ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.READ_TASK),
                new Grant(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
                new Grant(Resources.TASK, ANY, TaskPermissions.READ),
                new Grant(Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ),
                new Grant(Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
    }

    /**
     * What fetching, locking and completing an external task needs (READ_INSTANCE and UPDATE_INSTANCE on
     * the definition, Camunda's alternative to READ and UPDATE on every instance), on the loop's iteration
     * process only: no tasks, no history, no other process. Camunda cannot narrow this to topics or to
     * external-task commands; the assistant module's guard does (ExternalWorkerGuard).
     */
    private static List<Grant> podAssistants() {
        return List.of(new Grant(
                Resources.PROCESS_DEFINITION,
                LOOP_ITERATION_PROCESS,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE));
    }

    /** A pod works in the Tasklist from its own two filters; the tasks themselves it sees as their candidate group. */
    void ensurePodAccess(String pod) {
        system.run(() -> ensurePodAccess(pod, filtersByOwner()));
    }

    private void ensurePodAccess(String pod, Map<String, Filter> owned) {
        grant(
                pod,
                List.of(
                        new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
                        // names of the processes in the task list; a definition holds no people data
                        new Grant(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ)));
        // named per team: a member of two pods sees both pods' filters
        String team = " (" + Groups.teamOfPod(pod) + ")";
        ensureFilter(
                owned,
                pod,
                "mine",
                MY_PODS_TASKS + team,
                -10,
                "Open tasks of your pod, claimed or not",
                tasks.createTaskQuery().taskCandidateGroup(pod).includeAssignedTasks());
        // Without expressions (refused in stored queries) "soon" cannot be relative to now: the pod's
        // tasks that have a due date, the soonest first.
        ensureFilter(
                owned,
                pod,
                "due-soon",
                DUE_SOON + team,
                -5,
                "Your pod's tasks with a due date, the soonest first",
                tasks.createTaskQuery()
                        .taskCandidateGroup(pod)
                        .includeAssignedTasks()
                        .dueAfter(new Date(0))
                        .orderByDueDate()
                        .asc());
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void grant(String group, List<Grant> grants) {
        for (Grant grant : grants) {
            Authorization authorization = authorizations
                    .createAuthorizationQuery()
                    .authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .groupIdIn(group)
                    .resourceType(grant.resource())
                    .resourceId(grant.resourceId())
                    .unlimitedList()
                    .stream()
                    .findFirst()
                    .orElse(null);
            if (authorization == null) {
                authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                authorization.setGroupId(group);
                authorization.setResource(grant.resource());
                authorization.setResourceId(grant.resourceId());
            } else if (Arrays.stream(grant.permissions()).allMatch(authorization::isPermissionGranted)) {
                continue;
            }
            Arrays.stream(grant.permissions()).forEach(authorization::addPermission);
            authorizations.saveAuthorization(authorization);
        }
    }

    /** The filters this class created, by their owner mark. */
    private Map<String, Filter> filtersByOwner() {
        Map<String, Filter> owned = new HashMap<>();
        filters.createFilterQuery().unlimitedList().stream()
                .filter(f -> f.getProperties() != null && f.getProperties().get(OWNER_PROPERTY) != null)
                .forEach(f -> owned.put(f.getProperties().get(OWNER_PROPERTY).toString(), f));
        return owned;
    }

    private void ensureFilter(
            Map<String, Filter> owned,
            String group,
            String kind,
            String name,
            int priority,
            String description,
            TaskQuery query) {
        String owner = group + "/" + kind;
        Filter filter = owned.get(owner);
        if (filter == null) {
            filter = filters.saveFilter(filters.newTaskFilter(name)
                    .setQuery(query)
                    .setProperties(Map.of(
                            "priority", priority, "description", description, "refresh", true, OWNER_PROPERTY, owner)));
            owned.put(owner, filter);
        }
        grant(group, List.of(new Grant(Resources.FILTER, filter.getId(), Permissions.READ)));
    }

    /**
     * Users created before {@link PodloopAuthorizationProvider} kept the engine's default ALL on themselves,
     * DELETE included; only administrators delete users.
     */
    private void retireSelfDeletion() {
        authorizations
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.USER)
                .hasPermission(Permissions.DELETE)
                .unlimitedList()
                .stream()
                .filter(grant -> grant.getUserId() != null && grant.getUserId().equals(grant.getResourceId()))
                .forEach(grant -> {
                    PodloopAuthorizationProvider.withoutSelfDeletion(grant);
                    authorizations.saveAuthorization(grant);
                });
    }

    /** Earlier versions created filters with expressions, which the engine now refuses to run. */
    private void retireExpressionFilters() {
        filters.createFilterQuery().unlimitedList().stream()
                .filter(f -> List.of(MY_PODS_TASKS, "Assigned to me").contains(f.getName())
                        && !f.getProperties().containsKey(OWNER_PROPERTY))
                .forEach(f -> filters.deleteFilter(f.getId()));
    }
}
