package org.podloop.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The audit module's public face: append (within the caller's transaction), verify, read a loop's record. */
@Service
public class AuditTrail {

    private final AuditEntries entries;
    private final AuditHeads heads;
    private final Clock clock;
    private final EntityManager entityManager;
    private final ChainVerifier verifier;
    private final Verifications verifications;
    /** Sorted keys: the same content always serialises, and hashes, the same way. */
    private final ObjectMapper canonical = JsonMapper.builder()
            .findAndAddModules()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    AuditTrail(
            AuditEntries entries,
            AuditHeads heads,
            Clock clock,
            EntityManager entityManager,
            ChainVerifier verifier,
            Verifications verifications) {
        this.entityManager = entityManager;
        this.verifier = verifier;
        this.verifications = verifications;
        this.entries = entries;
        this.heads = heads;
        this.clock = clock;
    }

    private record Pending(Instant at, String kind, EntryScope scope, String actor, String content) {}

    /**
     * Appends an entry in the current transaction (it is part of what it records, or neither happened).
     * The content is taken now; the entry is chained just before the transaction commits, so that the
     * lock on the chain's head is held for the commit only, not for the whole transaction: concurrent
     * snapshots and task completions classify and move their loops in parallel and queue only to chain.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void append(String kind, EntryScope scope, String actor, Map<String, ?> content) {
        Pending entry = new Pending(clock.instant().truncatedTo(ChronoUnit.MICROS), kind, scope, actor, write(content));
        Batch batch = batchOfThisTransaction();
        batch.pending.add(entry);
        // Late in the transaction (another synchronization's beforeCommit) there is no later moment to
        // chain at; a bulk import chains as it goes, so that memory stays flat (the head then stays
        // locked for the rest of the import, which is one transaction anyway).
        if (batch.chained || batch.pending.size() >= MAX_PENDING) {
            chain(batch);
        }
    }

    private static final int MAX_PENDING = 500;

    /** The entries of one transaction not yet chained; bound to the transaction like a connection. */
    private static final class Batch {
        final List<Pending> pending = new ArrayList<>();
        boolean chained;
    }

    private Batch batchOfThisTransaction() {
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
        if (batch != null) {
            return batch;
        }
        Batch created = new Batch();
        TransactionSynchronizationManager.bindResource(this, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(AuditTrail.this);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(AuditTrail.this, created);
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                chain(created);
                created.chained = true;
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
            }
        });
        return created;
    }

    private void chain(Batch batch) {
        if (batch.pending.isEmpty()) {
            return;
        }
        // write everything else of the transaction first, so that the head stays locked only for the chaining and the
        // commit
        entityManager.flush();
        AuditHead head = heads.lockHead().orElseThrow(() -> new IllegalStateException("the audit head row is missing"));
        for (Pending p : batch.pending) {
            AuditEntry entry = entries.save(new AuditEntry(
                    head.nextId(),
                    p.at(),
                    p.kind(),
                    p.scope().loopId(),
                    p.scope().team(),
                    p.actor(),
                    p.scope().actorRoles(),
                    p.content(),
                    head.lastHash()));
            head.advance(entry.hash());
        }
        batch.pending.clear();
    }

    /**
     * The incremental check (the page's and {@code GET /api/audit/verify}'s): from the checkpoint of the last
     * check to the head; see {@link ChainCheck} for what it rests on.
     */
    public ChainCheck verify() {
        return verifier.quick(verifications.lastFinished());
    }

    /** Every entry of one loop, in order. */
    @Transactional(readOnly = true)
    public List<AuditRecord> loop(UUID loopId) {
        return entries.findByLoopIdOrderByIdAsc(loopId).stream()
                .map(e -> new AuditRecord(
                        e.id(),
                        e.recordedAt(),
                        e.kind(),
                        e.loopId(),
                        e.actor(),
                        read(e.content()),
                        e.hash(),
                        e.previousHash(),
                        e.format(),
                        e.team(),
                        e.actorRoles()))
                .toList();
    }

    String write(Object content) {
        try {
            return canonical.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit content is plain maps, lists and records", e);
        }
    }

    private JsonNode read(String content) {
        try {
            return canonical.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit content is not JSON", e);
        }
    }
}
