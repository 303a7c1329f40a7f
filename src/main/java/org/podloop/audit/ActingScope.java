package org.podloop.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.podloop.identity.Groups;
import org.podloop.loop.ProcessIds;
import org.podloop.loop.TimelineType;

/**
 * Who may act on a team's loop, judged from what the entry itself records (its team, its actor and the
 * actor's roles when it was written), so that verification needs no history of the identity store: the
 * pod completes and claims the pod's tasks, governance decides, administrators may do anything, and the
 * steps a snapshot causes come from signal sources; every other step on a loop is the system's or one of
 * theirs.
 */
final class ActingScope {

    private static final Set<String> TASK_STEPS =
            Set.of(TimelineType.TASK_COMPLETED.name(), TimelineType.TASK_ASSIGNED.name());

    /** The steps the pod's assistant takes: its actor is the assistant, a member of every pod by design. */
    private static final Set<String> ASSISTANT_STEPS =
            Set.of(TimelineType.ASSISTANT_BRIEF_WRITTEN.name(), TimelineType.ASSISTANT_DEBRIEF_WRITTEN.name());

    private final ObjectMapper json;

    ActingScope(ObjectMapper json) {
        this.json = json;
    }

    /** The actor's groups that matter for an entry on the team's loop, sorted and comma-separated. */
    static String relevantRoles(Collection<String> groups, String team) {
        Set<String> relevant = Set.of(Groups.pod(team), Groups.GOVERNANCE, Groups.ADMINS, Groups.SIGNAL_SOURCES);
        return groups.stream().filter(relevant::contains).sorted().collect(Collectors.joining(","));
    }

    /** Why the entry's actor was not allowed on its loop; empty when it was (or the entry is not a person's on a loop). */
    Optional<String> refusal(AuditEntry entry) {
        if (entry.format() == AuditEntry.LEGACY_FORMAT || entry.loopId() == null || entry.actor() == null) {
            return Optional.empty();
        }
        if (entry.team() == null) {
            return Optional.of("it belongs to loop " + entry.loopId() + " but names no team");
        }
        if (ASSISTANT_STEPS.contains(entry.kind()) && !ProcessIds.ASSISTANT_ACTOR.equals(entry.actor())) {
            return Optional.of("only the pod's assistant writes briefs and debriefs (" + entry.actor() + ")");
        }
        if (ProcessIds.ASSISTANT_ACTOR.equals(entry.actor())) {
            // what the assistant's completion sets off (the next iteration, say) is the process's doing; it
            // completes no one's task and claims none
            return TASK_STEPS.contains(entry.kind())
                    ? Optional.of("the pod's assistant completed or claimed a person's task (" + entry.kind() + ")")
                    : Optional.empty();
        }
        if (entry.actorRoles() == null) {
            return Optional.of("the roles of its actor " + entry.actor() + " were not recorded");
        }
        List<String> roles = entry.actorRoles().isEmpty()
                ? List.of()
                : Arrays.asList(entry.actorRoles().split(","));
        if (roles.contains(Groups.ADMINS)) {
            return Optional.empty();
        }
        String pod = Groups.pod(entry.team());
        if (TASK_STEPS.contains(entry.kind())) {
            String task = taskOf(entry);
            String needed = ProcessIds.TASK_DECIDE.equals(task) ? Groups.GOVERNANCE : pod;
            return roles.contains(needed)
                    ? Optional.empty()
                    : Optional.of(entry.actor() + " was not in " + needed + " (nor an administrator) when acting on "
                            + task + " of a loop of team " + entry.team());
        }
        return roles.contains(pod) || roles.contains(Groups.GOVERNANCE) || roles.contains(Groups.SIGNAL_SOURCES)
                ? Optional.empty()
                : Optional.of(entry.actor() + " was neither in " + pod
                        + ", governance, a signal source nor an administrator when acting on a loop of team "
                        + entry.team());
    }

    private String taskOf(AuditEntry entry) {
        try {
            return json.readTree(entry.content()).at("/detail/task").asText("?");
        } catch (JsonProcessingException e) {
            return "?";
        }
    }
}
