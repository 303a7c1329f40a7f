package org.podloop.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The newest hash of the chain and how many entries it has. */
@Entity
@Table(name = "audit_head")
class AuditHead {

    static final int ID = 1;

    @Id
    private Integer id;

    private String lastHash;
    private long entryCount;

    protected AuditHead() {}

    String lastHash() {
        return lastHash;
    }

    long entryCount() {
        return entryCount;
    }

    void advance(String hash) {
        lastHash = hash;
        entryCount++;
    }
}
