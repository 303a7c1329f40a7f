package org.podloop.identity;

import java.time.Instant;
import java.util.UUID;

/** An administrator revoked an API token; published in the revoking transaction. */
public record ApiTokenRevoked(UUID tokenId, String user, String name, String revokedBy, Instant at) {}
