package org.podloop.worksignal;

import java.time.Instant;
import java.util.Objects;

/**
 * One status transition of a work item, as the tracker's changelog records it; the status names are the
 * team's own, mapped later by {@link StatusMapping}.
 */
record StatusChange(Instant at, String from, String to) {

    StatusChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(to, "to");
    }
}
