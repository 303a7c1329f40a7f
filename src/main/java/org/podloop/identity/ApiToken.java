package org.podloop.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An API token as stored: the SHA-256 of its secret, never the secret. Revoked, it stays for the record. */
@Entity
@Table(name = "api_tokens")
class ApiToken {

    @Id
    private UUID id;

    @Column(name = "user_id")
    private String user;

    private String name;
    private String secretHash;
    private Instant createdAt;
    private String createdBy;
    private Instant lastUsedAt;
    private Instant revokedAt;
    private String revokedBy;

    protected ApiToken() {}

    ApiToken(String user, String name, String secretHash, Instant createdAt, String createdBy) {
        this.id = UUID.randomUUID();
        this.user = user;
        this.name = name;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** Revoking twice keeps the first revocation: who and when stay what they were. */
    /** Revokes the token; false when it was revoked already (the first revocation stands). */
    boolean revoke(Instant at, String by) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = at;
        revokedBy = by;
        return true;
    }

    boolean revoked() {
        return revokedAt != null;
    }

    UUID id() {
        return id;
    }

    String user() {
        return user;
    }

    String name() {
        return name;
    }

    ApiTokenView view() {
        return new ApiTokenView(id, user, name, createdAt, createdBy, lastUsedAt, revokedAt, revokedBy);
    }
}
