package org.podloop.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One entry of the trail as governance reads it. */
public record AuditRecord(
        long id,
        Instant at,
        String kind,
        UUID loopId,
        String actor,
        JsonNode content,
        String hash,
        String previousHash) {}
