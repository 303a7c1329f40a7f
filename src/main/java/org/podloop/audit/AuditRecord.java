package org.podloop.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the trail as governance reads it, with everything its hash covers (see {@code
 * AuditEntry.computeHash}): {@code format} 1 (legacy) or 2 (with {@code team} and {@code actorRoles}).
 */
public record AuditRecord(
        long id,
        Instant at,
        String kind,
        UUID loopId,
        String actor,
        JsonNode content,
        String hash,
        String previousHash,
        int format,
        String team,
        String actorRoles) {}
