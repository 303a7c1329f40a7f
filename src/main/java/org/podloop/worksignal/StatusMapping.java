package org.podloop.worksignal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a team's status names to {@link StatusKind}s, case-insensitively: explicit sets first (in progress,
 * waiting and waiting prefixes, decision, done), then Jira's status category {@code done}. It owns the
 * mapping so that the metrics stay the same whatever a team calls its statuses, and it tells which statuses
 * it does not know so that nothing is silently counted as "other".
 */
record StatusMapping(
        Set<String> inProgress,
        Set<String> waiting,
        Set<String> waitingPrefixes,
        Set<String> decision,
        Set<String> done,
        Set<String> other) {

    /** Statuses of the common Jira workflows that mean "not started": {@link StatusKind#OTHER}, but known. */
    static final Set<String> KNOWN_OTHER = Set.of("To Do", "Open", "Backlog", "Selected for Development");

    StatusMapping {
        inProgress = Set.copyOf(inProgress);
        waiting = Set.copyOf(waiting);
        waitingPrefixes = Set.copyOf(waitingPrefixes);
        decision = Set.copyOf(decision);
        done = Set.copyOf(done);
        other = Set.copyOf(other);
    }

    /** With the common "not started" statuses as the known others. */
    StatusMapping(
            Set<String> inProgress,
            Set<String> waiting,
            Set<String> waitingPrefixes,
            Set<String> decision,
            Set<String> done) {
        this(inProgress, waiting, waitingPrefixes, decision, done, KNOWN_OTHER);
    }

    static StatusMapping defaults() {
        return new StatusMapping(
                Set.of("In Progress"),
                Set.of("In Review", "Blocked"),
                Set.of("Waiting"),
                Set.of("Decision Needed", "Awaiting Decision"),
                Set.of("Done", "Closed", "Resolved"));
    }

    /** This mapping with more done statuses, e.g. those whose Jira category is done. */
    StatusMapping withDone(Collection<String> moreDone) {
        Set<String> all = new LinkedHashSet<>(done);
        all.addAll(moreDone);
        return new StatusMapping(inProgress, waiting, waitingPrefixes, decision, all, other);
    }

    /** The kind of a status; {@code statusCategoryKey} may be null when the category is not known. */
    StatusKind kindOf(String status, String statusCategoryKey) {
        if (status != null) {
            String name = status.strip();
            if (contains(inProgress, name)) {
                return StatusKind.IN_PROGRESS;
            }
            if (contains(waiting, name) || startsWithAny(waitingPrefixes, name)) {
                return StatusKind.WAITING;
            }
            if (contains(decision, name)) {
                return StatusKind.DECISION;
            }
            if (contains(done, name)) {
                return StatusKind.DONE;
            }
        }
        return "done".equalsIgnoreCase(statusCategoryKey) ? StatusKind.DONE : StatusKind.OTHER;
    }

    /** Whether the status is mapped, done by category, or one of the known other statuses. */
    boolean knows(String status, String statusCategoryKey) {
        return kindOf(status, statusCategoryKey) != StatusKind.OTHER
                || (status != null && contains(other, status.strip()));
    }

    private static boolean contains(Set<String> names, String name) {
        return names.stream().anyMatch(candidate -> candidate.strip().equalsIgnoreCase(name));
    }

    private static boolean startsWithAny(Set<String> prefixes, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return prefixes.stream()
                .map(prefix -> prefix.strip().toLowerCase(Locale.ROOT))
                .anyMatch(prefix -> !prefix.isEmpty() && lower.startsWith(prefix));
    }
}
