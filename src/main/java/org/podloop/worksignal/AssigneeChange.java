package org.podloop.worksignal;

import java.time.Instant;
import java.util.Objects;

/**
 * One assignment change of a work item without the people: whether someone was assigned before and after,
 * and whether someone other than the last person assigned took the item over. The names are compared while
 * parsing and then dropped, so ownership can be measured without knowing who owned anything.
 *
 * <p>{@code changedPerson} is true when a person is now assigned who is not the last person assigned before
 * (across an unassigned gap); un-assigning alone changes nobody, and the same person back after a gap is no
 * change.
 */
record AssigneeChange(Instant at, boolean fromSomeone, boolean toSomeone, boolean changedPerson) {

    AssigneeChange {
        Objects.requireNonNull(at, "at");
    }
}
