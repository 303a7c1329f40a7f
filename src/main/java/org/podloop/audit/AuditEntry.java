package org.podloop.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.podloop.common.NewEntity;
import org.podloop.common.Sha256;

/**
 * One entry of the trail. Written once; nothing in the application updates or deletes it.
 *
 * <p>Format 2 (every entry written now) hashes, besides the content, what the entry belongs to (its team
 * and loop) and the roles its actor held then, so that verification can tell whether the actor was
 * allowed on that loop. Entries of format 1 (stored before, {@code format} null) keep their hash.
 *
 * <p>Its id is given by the chain's head ({@link AuditHead#nextId()}), so that ids follow the chain and the
 * entries of one transaction are inserted in one batch.
 */
@Entity
@Table(name = "audit_entries")
class AuditEntry extends NewEntity<Long> {

    static final int LEGACY_FORMAT = 1;
    static final int SCOPED_FORMAT = 2;

    @Id
    private Long id;

    private Integer format;
    private Instant recordedAt;
    private String kind;
    private UUID loopId;
    private String team;
    private String actor;
    private String actorRoles;
    private String content;
    private String previousHash;
    private String hash;

    protected AuditEntry() {}

    /** A new entry with the id the chain's head gave: scoped to its team and loop, with the roles its actor holds now. */
    AuditEntry(
            long id,
            Instant recordedAt,
            String kind,
            UUID loopId,
            String team,
            String actor,
            String actorRoles,
            String content,
            String previousHash) {
        this(id, SCOPED_FORMAT, recordedAt, kind, loopId, team, actor, actorRoles, content, previousHash, null);
        this.hash = computeHash();
    }

    /** An entry as stored (read for verification or export); {@code format} null for format 1. */
    AuditEntry(
            Long id,
            Integer format,
            Instant recordedAt,
            String kind,
            UUID loopId,
            String team,
            String actor,
            String actorRoles,
            String content,
            String previousHash,
            String hash) {
        this.id = id;
        this.format = format;
        this.recordedAt = recordedAt;
        this.kind = kind;
        this.loopId = loopId;
        this.team = team;
        this.actor = actor;
        this.actorRoles = actorRoles;
        this.content = content;
        this.previousHash = previousHash;
        this.hash = hash;
    }

    /**
     * SHA-256 (lower-case hex) over the entry's fields but its id and hash, each as UTF-8 text followed by
     * the byte 0x1f, {@code null} as the text "null", instants in ISO-8601 ({@link Instant#toString()}).
     * Format 1: previousHash, recordedAt, kind, loopId, actor, content. Format 2: "2", previousHash,
     * recordedAt, kind, loopId, team, actor, actorRoles, content.
     */
    String computeHash() {
        Object[] parts = format() == LEGACY_FORMAT
                ? new Object[] {previousHash, recordedAt, kind, loopId, actor, content}
                : new Object[] {format, previousHash, recordedAt, kind, loopId, team, actor, actorRoles, content};
        return Sha256.hex(digest -> {
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0x1f);
            }
        });
    }

    @Override
    public Long getId() {
        return id;
    }

    Long id() {
        return id;
    }

    int format() {
        return format == null ? LEGACY_FORMAT : format;
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

    String team() {
        return team;
    }

    String actor() {
        return actor;
    }

    /** The actor's roles relevant to the entry, sorted and comma-separated ("" for none); null when not recorded. */
    String actorRoles() {
        return actorRoles;
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
