package org.podloop.audit;

import java.util.UUID;

/** What an entry belongs to (team, loop; either may be null) and its actor's roles then (null when not recorded). */
record EntryScope(String team, UUID loopId, String actorRoles) {

    static final EntryScope NONE = new EntryScope(null, null, null);

    static EntryScope team(String team) {
        return new EntryScope(team, null, null);
    }
}
