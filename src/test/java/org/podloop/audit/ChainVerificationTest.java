package org.podloop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.podloop.common.Sha256;
import org.podloop.loop.LoopStepRecorded;
import org.podloop.loop.ProcessIds;
import org.podloop.loop.TimelineType;
import org.podloop.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verification that scales: the incremental check from the checkpoint, the full re-verification on demand,
 * what each of them finds, and the actor check of entries scoped to a team's loop.
 */
class ChainVerificationTest extends ApiTest {

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AuditTrail trail;

    @Autowired
    EntityManager entities;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    /** Whatever a test did to the stored chain, the next starts from a chain a full re-verification passes. */
    @AfterEach
    void leaveAVerifiedChain() {
        JsonNode run = full();
        assertThat(run.get("intact").asBoolean()).as(run.toString()).isTrue();
        assertThat(run.get("done").asLong()).isEqualTo(run.get("total").asLong());
        assertThat(quick().get("intact").asBoolean()).isTrue();
    }

    private JsonNode quick() {
        var answer = client.get("gina", "/api/audit/verify");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** Starts a full re-verification and follows its progress to the end. */
    private JsonNode full() {
        var started = client.post("gina", "/api/audit/verifications", Map.of());
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String id = started.body().get("id").asText();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(giveUp)) {
            JsonNode run = client.get("gina", "/api/audit/verifications/" + id).body();
            if (!run.get("state").asText().equals("RUNNING")) {
                assertThat(run.get("state").asText()).isEqualTo("FINISHED");
                return run;
            }
            sleep(50);
        }
        throw new AssertionError("the full re-verification did not finish within a minute");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> auditOf(String loopId) {
        List<JsonNode> records = new java.util.ArrayList<>();
        client.get("gina", "/api/loops/" + loopId + "/audit").body().forEach(records::add);
        return records;
    }

    @Test
    void theIncrementalCheckReHashesOnlyTheEntriesAppendedSinceTheCheckpoint() {
        JsonNode before = quick();
        long head = before.get("entries").asLong();

        String loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();
        List<JsonNode> appended = auditOf(loopId);
        JsonNode after = quick();

        assertThat(after.get("intact").asBoolean()).as(after.toString()).isTrue();
        assertThat(after.get("mode").asText()).isEqualTo("INCREMENTAL");
        assertThat(after.at("/checkpoint/entries").asLong()).isEqualTo(head);
        assertThat(after.at("/checkpoint/verifiedAt").asText()).isNotBlank();
        long newEntries = after.get("entries").asLong() - head;
        assertThat(newEntries)
                .as("snapshot, classification and the loop's first steps")
                .isGreaterThan(appended.size());
        assertThat(after.at("/verifiedNow/entries").asLong()).isEqualTo(newEntries);
        assertThat(after.at("/verifiedNow/toEntryId").asLong())
                .isEqualTo(appended.get(appended.size() - 1).get("id").asLong());
        assertThat(after.at("/verifiedNow/fromEntryId").asLong())
                .isGreaterThan(after.at("/checkpoint/entryId").asLong());

        JsonNode again = quick();
        assertThat(again.at("/verifiedNow/entries").asLong()).as("nothing new").isZero();
        assertThat(again.at("/checkpoint/entries").asLong())
                .isEqualTo(after.get("entries").asLong());
        assertThat(again.get("entries").asLong()).isEqualTo(after.get("entries").asLong());
    }

    @Test
    void aChangeAfterTheCheckpointIsFoundByTheIncrementalCheck() {
        quick();
        String loopId = walkALoop();
        long decision = auditOf(loopId).get(10).get("id").asLong();

        tampered(decision, () -> {
            JsonNode check = quick();
            assertThat(check.get("intact").asBoolean()).isFalse();
            assertThat(check.get("firstBrokenEntryId").asLong()).isEqualTo(decision);
            assertThat(check.get("problem").asText()).contains("content does not match");
            return null;
        });

        assertThat(quick().get("intact").asBoolean()).as("restored").isTrue();
    }

    @Test
    void aChangeBeforeTheCheckpointIsFoundByTheFullReVerificationOnly() {
        String loopId = walkALoop();
        long decision = auditOf(loopId).get(10).get("id").asLong();
        quick(); // the checkpoint moves past the loop

        JsonNode found = tampered(decision, () -> {
            assertThat(quick().get("intact").asBoolean())
                    .as("the incremental check does not re-hash entries before the checkpoint")
                    .isTrue();
            JsonNode run = full();
            assertThat(run.get("done").asLong())
                    .as("the entries verified before the broken one")
                    .isLessThan(run.get("total").asLong());
            return run;
        });

        assertThat(found.get("intact").asBoolean()).isFalse();
        assertThat(found.get("firstBrokenEntryId").asLong()).isEqualTo(decision);
        assertThat(found.get("problem").asText()).contains("content does not match");
        assertThat(found.get("startedBy").asText()).isEqualTo("gina");
        JsonNode after = quick();
        assertThat(after.get("intact").asBoolean())
                .as("a break the full re-verification found stands, restored or not, until one passes")
                .isFalse();
        assertThat(after.get("firstBrokenEntryId").asLong()).isEqualTo(decision);
        assertThat(after.at("/lastFullVerification/intact").asBoolean()).isFalse();
        // @AfterEach: a full re-verification passes again, and so does the incremental check
    }

    @Test
    void removingAnEntryBeforeTheCheckpointIsFoundByTheFullReVerification() {
        String loopId = walkALoop();
        long verified = auditOf(loopId).get(7).get("id").asLong();
        quick();
        Map<String, Object> removed = jdbc.queryForMap("select * from audit_entries where id = ?", verified);
        jdbc.update("delete from audit_entries where id = ?", verified);
        try {
            assertThat(quick().get("intact").asBoolean())
                    .as("the incremental check does not look before the checkpoint")
                    .isTrue();

            JsonNode run = full();
            assertThat(run.get("intact").asBoolean()).isFalse();
            assertThat(run.get("firstBrokenEntryId").asLong())
                    .as("the entry after the gap")
                    .isGreaterThan(verified);
            assertThat(run.get("problem").asText()).contains("does not link");
            assertThat(quick().get("intact").asBoolean())
                    .as("the full one's finding stands")
                    .isFalse();
        } finally {
            jdbc.update(
                    "insert into audit_entries (id, format, recorded_at, kind, loop_id, team, actor, actor_roles,"
                            + " content, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    value(removed, "id"),
                    value(removed, "format"),
                    value(removed, "recorded_at"),
                    value(removed, "kind"),
                    value(removed, "loop_id"),
                    value(removed, "team"),
                    value(removed, "actor"),
                    value(removed, "actor_roles"),
                    value(removed, "content"),
                    value(removed, "previous_hash"),
                    value(removed, "hash"));
        }
    }

    @Test
    void oneFullReVerificationAtATimeOnEveryNodeAndAnAbandonedOneDoesNotBlock() {
        UUID elsewhere = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update(
                "insert into audit_verifications (id, started_by, started_at, updated_at, state, done, total)"
                        + " values (?, 'demo', ?, ?, 'RUNNING', 10, 100)",
                elsewhere,
                now,
                now);
        try {
            var refused = client.post("demo", "/api/audit/verifications", Map.of());
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().get("detail").asText()).contains(elsewhere.toString());
            assertThat(client.get("gina", "/api/audit/verifications/" + elsewhere)
                            .body()
                            .get("done")
                            .asLong())
                    .isEqualTo(10);

            jdbc.update(
                    "update audit_verifications set updated_at = ? where id = ?",
                    now.minus(Verifications.ABANDONED_AFTER).minusSeconds(1),
                    elsewhere);
            assertThat(client.get("gina", "/api/audit/verifications/" + elsewhere)
                            .body()
                            .get("state")
                            .asText())
                    .isEqualTo("ABANDONED");
            assertThat(full().get("intact").asBoolean()).isTrue();
        } finally {
            jdbc.update("delete from audit_verifications where id = ?", elsewhere);
        }
        assertThat(client.post("paula", "/api/audit/verifications", Map.of()).status())
                .isEqualTo(403);
        assertThat(client.get("gina", "/api/audit/verifications/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void everyEntryOfALoopCarriesItsTeamAndItsActorsRolesInsideTheHash() {
        String loopId = walkALoop();
        List<JsonNode> records = auditOf(loopId);

        records.forEach(r -> {
            assertThat(r.get("team").asText()).isEqualTo(team);
            assertThat(r.get("format").asInt()).isEqualTo(2);
        });
        JsonNode chosen = records.stream()
                .filter(r -> "paula".equals(r.path("actor").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(chosen.get("actor").asText()).isEqualTo("paula");
        assertThat(chosen.get("actorRoles").asText()).isEqualTo("pod-" + team);
        assertThat(records.stream()
                        .filter(r -> "gina".equals(r.path("actor").asText()))
                        .findFirst()
                        .orElseThrow()
                        .get("actorRoles")
                        .asText())
                .isEqualTo("governance");
        assertThat(records.get(0).get("actorRoles").asText())
                .as("demo posted the snapshot")
                .contains("camunda-admin");

        long entry = chosen.get("id").asLong();
        String otherTeam = "x" + team;
        jdbc.update("update audit_entries set team = ? where id = ?", otherTeam, entry);
        try {
            JsonNode check = full();
            assertThat(check.get("firstBrokenEntryId").asLong())
                    .as("the team is hashed: moving an entry to another team breaks it")
                    .isEqualTo(entry);
        } finally {
            jdbc.update("update audit_entries set team = ? where id = ?", team, entry);
        }
    }

    @Test
    void anEntryWhoseActorWasNotAllowedOnTheLoopIsReportedWithWhy() {
        String loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();

        // quinn (pod of borealis) completing a task of this team's loop: what the engine guards refuse, written
        // past them. The check runs inside the transaction that wrote it, which then rolls back: nothing stays.
        ChainCheck check = checkedThenRolledBack(() -> events.publishEvent(new LoopStepRecorded(
                UUID.fromString(loopId),
                1,
                TimelineType.TASK_COMPLETED,
                "quinn",
                null,
                Map.of(
                        "task",
                        ProcessIds.TASK_CHOOSE_INTERVENTION,
                        "submitted",
                        Map.of("interventionId", "speak-up-round")),
                Instant.now())));

        assertThat(check.intact()).isFalse();
        assertThat(check.problem())
                .contains("not allowed on its loop")
                .contains("quinn was not in pod-" + team)
                .contains(ProcessIds.TASK_CHOOSE_INTERVENTION);
        Long broken = check.firstBrokenEntryId();
        assertThat(broken).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from audit_entries where id = ?", Long.class, broken))
                .as("rolled back")
                .isZero();

        // gina deciding is governance's; gina completing the pod's task is not
        ChainCheck decided = checkedThenRolledBack(() -> events.publishEvent(new LoopStepRecorded(
                UUID.fromString(loopId),
                1,
                TimelineType.TASK_COMPLETED,
                "gina",
                null,
                Map.of("task", ProcessIds.TASK_DECIDE, "submitted", Map.of("decision", "CLOSE")),
                Instant.now())));
        assertThat(decided.intact()).as(decided.problem()).isTrue();
        ChainCheck podTask = checkedThenRolledBack(() -> events.publishEvent(new LoopStepRecorded(
                UUID.fromString(loopId),
                1,
                TimelineType.TASK_COMPLETED,
                "gina",
                null,
                Map.of("task", ProcessIds.TASK_RUN_INTERVENTION, "submitted", Map.of("outcomeNotes", "done")),
                Instant.now())));
        assertThat(podTask.problem()).contains("gina was not in pod-" + team);
    }

    @Test
    void aChainThatBeganInTheLegacyFormatStillVerifiesAndItsEntriesStillProveTheirContent() {
        ChainCheck legacyThenScoped = checkedThenRolledBack(() -> {
            List<Long> legacy = replaceTheChainWithLegacyEntries(3);
            // an entry of today after them
            appendOfToday();
            return legacy;
        });
        assertThat(legacyThenScoped.intact()).as(legacyThenScoped.problem()).isTrue();
        assertThat(legacyThenScoped.entries()).isEqualTo(4);

        ChainCheck changedLegacy = checkedThenRolledBack(() -> {
            List<Long> legacy = replaceTheChainWithLegacyEntries(3);
            jdbc.update("update audit_entries set actor = 'mallory' where id = ?", legacy.get(1));
            return legacy;
        });
        assertThat(changedLegacy.intact()).isFalse();
        assertThat(changedLegacy.problem()).contains("content does not match");

        ChainCheck downgraded = checkedThenRolledBack(() -> {
            List<Long> legacy = replaceTheChainWithLegacyEntries(1);
            appendOfToday();
            appendLegacy(legacy.size() + 2);
            return legacy;
        });
        assertThat(downgraded.intact()).isFalse();
        assertThat(downgraded.problem()).contains("old format after entries of the new one");
    }

    /** Empties the chain and the checkpoint (in the test's transaction) and writes {@code count} format-1 entries. */
    private List<Long> replaceTheChainWithLegacyEntries(int count) {
        jdbc.update("delete from audit_entries");
        jdbc.update("update audit_head set last_hash = '', entry_count = 0");
        jdbc.update("update audit_checkpoint set entry_id = 0, entry_hash = '', entry_count = 0");
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(appendLegacy(i));
        }
        return ids;
    }

    /** The hash as format 1 computed it, written out here so that a change of AuditEntry cannot hide a break. */
    private long appendLegacy(int n) {
        String previous = jdbc.queryForObject("select last_hash from audit_head", String.class);
        Instant at = Instant.parse("2026-01-01T10:00:00Z").plusSeconds(n);
        String content = "{\"n\":" + n + "}";
        String hash = Sha256.hex(digest -> {
            for (Object part : new Object[] {previous, at, "RULESET_ACTIVATED", null, "demo", content}) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0x1f);
            }
        });
        return insert(new AuditEntry(
                nextId(), null, at, "RULESET_ACTIVATED", null, null, "demo", null, content, previous, hash));
    }

    private void appendOfToday() {
        String previous = jdbc.queryForObject("select last_hash from audit_head", String.class);
        insert(new AuditEntry(
                nextId(),
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                "SNAPSHOT_RECORDED",
                null,
                team,
                "demo",
                null,
                "{}",
                previous));
    }

    /** The id the head gives the next entry, as AuditTrail takes it. */
    private long nextId() {
        return jdbc.queryForObject("select last_id + 1 from audit_head", Long.class);
    }

    private long insert(AuditEntry entry) {
        jdbc.update(
                "insert into audit_entries (id, format, recorded_at, kind, loop_id, team, actor, actor_roles, content,"
                        + " previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entry.id(),
                entry.format() == AuditEntry.LEGACY_FORMAT ? null : entry.format(),
                entry.recordedAt().atOffset(ZoneOffset.UTC),
                entry.kind(),
                entry.loopId(),
                entry.team(),
                entry.actor(),
                entry.actorRoles(),
                entry.content(),
                entry.previousHash(),
                entry.hash());
        jdbc.update(
                "update audit_head set last_hash = ?, entry_count = entry_count + 1, last_id = ? where id = 1",
                entry.hash(),
                entry.id());
        return entry.id();
    }

    /**
     * Runs {@code work} in a transaction, verifies the chain in it just before it would commit (after the audit
     * trail chained the transaction's entries), and rolls it back: the shared database stays as it was.
     */
    private ChainCheck checkedThenRolledBack(Runnable work) {
        return checkedThenRolledBack(() -> {
            work.run();
            return null;
        });
    }

    private ChainCheck checkedThenRolledBack(Supplier<?> work) {
        AtomicReference<ChainCheck> check = new AtomicReference<>();
        try {
            transaction.executeWithoutResult(status -> {
                work.get();
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        entities.flush(); // the head as the commit would write it
                        check.set(trail.verify());
                        throw new RolledBack();
                    }
                });
            });
        } catch (RolledBack expected) {
            return check.get();
        }
        throw new AssertionError("the transaction committed");
    }

    private static final class RolledBack extends RuntimeException {}

    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
    }

    /** Puts the entry's content back however the test ends; answers what {@code whileChanged} saw. */
    private <T> T tampered(long entry, Supplier<T> whileChanged) {
        String original = jdbc.queryForObject("select content from audit_entries where id = ?", String.class, entry);
        jdbc.update("update audit_entries set content = replace(content, 'CLOSE', 'ESCALATE') where id = ?", entry);
        try {
            return whileChanged.get();
        } finally {
            jdbc.update("update audit_entries set content = ? where id = ?", original, entry);
        }
    }
}
