package org.podloop.identity;

import java.time.Instant;
import java.util.UUID;

/** An administrator issued an API token; published in the issuing transaction, never with the secret. */
public record ApiTokenIssued(UUID tokenId, String user, String name, String issuedBy, Instant at) {}
