package org.podloop.worksignal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One tracker item reduced to what the work metrics need: its key, when it was created and in which status,
 * its status and assignment history (changes in time order) and its sprint memberships. It holds no names of
 * people, so a parsed export can be kept in memory without holding personal data.
 */
record WorkItem(
        String key,
        Instant created,
        String createdStatus,
        Instant resolved,
        List<StatusChange> statuses,
        List<AssigneeChange> assignees,
        boolean assignedAtCreation,
        List<SprintSpan> sprints) {

    WorkItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(createdStatus, "createdStatus");
        statuses = List.copyOf(statuses);
        assignees = List.copyOf(assignees);
        sprints = List.copyOf(sprints);
    }
}
