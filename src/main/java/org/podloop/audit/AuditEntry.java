package org.podloop.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.podloop.common.Sha256;

/** One entry of the trail. Written once; nothing in the application updates or deletes it. */
@Entity
@Table(name = "audit_entries")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant recordedAt;
    private String kind;
    private UUID loopId;
    private String actor;
    private String content;
    private String previousHash;
    private String hash;

    protected AuditEntry() {}

    AuditEntry(Instant recordedAt, String kind, UUID loopId, String actor, String content, String previousHash) {
        this.recordedAt = recordedAt;
        this.kind = kind;
        this.loopId = loopId;
        this.actor = actor;
        this.content = content;
        this.previousHash = previousHash;
        this.hash = computeHash();
    }

    /** SHA-256 over the previous hash and every field of the entry but its id. */
    String computeHash() {
        return Sha256.hex(digest -> {
            for (Object part : new Object[] {previousHash, recordedAt, kind, loopId, actor, content}) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0x1f);
            }
        });
    }

    Long id() {
        return id;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    String kind() {
        return kind;
    }

    UUID loopId() {
        return loopId;
    }

    String actor() {
        return actor;
    }

    String content() {
        return content;
    }

    String previousHash() {
        return previousHash;
    }

    String hash() {
        return hash;
    }
}
