package org.podloop.worksignal;

import java.time.Instant;
import java.util.Objects;

/**
 * A work item's membership in one sprint, from being added to being removed ({@code removedAt} null: still
 * in it); reconstructed from the changelog so commitment can be read at the sprint's start.
 */
record SprintSpan(String sprint, Instant addedAt, Instant removedAt) {

    SprintSpan {
        Objects.requireNonNull(sprint, "sprint");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    /** Whether the item was in the sprint at this instant. */
    boolean containsAt(Instant instant) {
        return !addedAt.isAfter(instant) && (removedAt == null || removedAt.isAfter(instant));
    }
}
