package org.podloop.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The newest hash of the chain, how many entries it has, and the id of its newest entry. */
@Entity
@Table(name = "audit_head")
class AuditHead {

    static final int ID = 1;

    @Id
    private Integer id;

    private String lastHash;
    private long entryCount;
    private long lastId;

    protected AuditHead() {}

    String lastHash() {
        return lastHash;
    }

    long entryCount() {
        return entryCount;
    }

    /** The id of the next entry: the head is locked, so ids follow the chain's order on every node. */
    long nextId() {
        return lastId + 1;
    }

    /** The entry {@link #nextId()} gave, with {@code hash}, is the newest of the chain now. */
    void advance(String hash) {
        lastId++;
        lastHash = hash;
        entryCount++;
    }
}
