package org.podloop.identity;

import java.time.Instant;
import java.util.UUID;

/** A token as administrators list it: whose, what for, when used; never its secret or the secret's hash. */
record ApiTokenView(
        UUID id,
        String user,
        String name,
        Instant created,
        String createdBy,
        Instant lastUsed,
        Instant revoked,
        String revokedBy) {}
