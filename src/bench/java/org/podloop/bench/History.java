package org.podloop.bench;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A long history without waiting for it: the loops the benchmark opened over HTTP are copied, with
 * their snapshots, classifications, iterations, timelines and audit entries, under new ids until the
 * database holds {@code total} loops. Content and sizes are real; only the ids and times differ. (The
 * copies are not chained into the audit hash chain: this database is the benchmark's own.)
 */
final class History {

    private History() {}

    static void copyLoops(Connection sql, int total) {
        String[] statements = {
            "create temp table templates as select id from loops",
            "create temp table copies as select k from generate_series(1, ceil((%d - (select count(*) from loops))::numeric"
                    + " / (select count(*) from templates))::int) k",
            "create temp table snapshot_map as select s.id as old_id, md5(s.id::text || c.k)::uuid as new_id, c.k from snapshots s"
                    + " join loops l on l.trigger_snapshot_id = s.id or s.id in (select baseline_snapshot_id from loop_iterations"
                    + " where loop_id = l.id) join templates t on t.id = l.id cross join copies c",
            "insert into snapshots (id, team_key, external_id, measured_at, respondents, recorded_at, content_hash)"
                    + " select m.new_id, s.team_key, s.external_id || '-h' || m.k, s.measured_at - m.k * interval '1 hour', s.respondents,"
                    + " s.recorded_at, s.content_hash from snapshot_map m join snapshots s on s.id = m.old_id",
            "insert into snapshot_metrics (snapshot_id, metric, mean_value, sd, respondents, suppressed)"
                    + " select m.new_id, x.metric, x.mean_value, x.sd, x.respondents, x.suppressed from snapshot_map m"
                    + " join snapshot_metrics x on x.snapshot_id = m.old_id",
            "insert into classifications (snapshot_id, team_key, ruleset_version, classified_at, findings_json)"
                    + " select m.new_id, c.team_key, c.ruleset_version, c.classified_at, c.findings_json from snapshot_map m"
                    + " join classifications c on c.snapshot_id = m.old_id",
            "insert into loops (id, team_key, open_team_key, status, trigger_snapshot_id, max_iterations, opened_at, ended_at, version)"
                    + " select md5(l.id::text || c.k)::uuid, l.team_key, null, 'CLOSED', md5(l.trigger_snapshot_id::text || c.k)::uuid,"
                    + " l.max_iterations, l.opened_at - c.k * interval '1 hour', l.opened_at, 0 from loops l"
                    + " join templates t on t.id = l.id cross join copies c",
            "insert into loop_iterations (id, loop_id, number, process_instance_id, baseline_snapshot_id, intervention_id,"
                    + " verification_outcome, verification_json, decision, rationale, started_at, ended_at, patterns, extended, effect)"
                    + " select md5(i.id::text || c.k)::uuid, md5(i.loop_id::text || c.k)::uuid, i.number, null,"
                    + " md5(i.baseline_snapshot_id::text || c.k)::uuid, i.intervention_id, i.verification_outcome, i.verification_json,"
                    + " i.decision, i.rationale, i.started_at, i.ended_at, i.patterns, i.extended, i.effect from loop_iterations i"
                    + " join templates t on t.id = i.loop_id cross join copies c",
            "insert into loop_timeline (loop_id, iteration, at, type, actor, snapshot_id, detail)"
                    + " select md5(e.loop_id::text || c.k)::uuid, e.iteration, e.at - c.k * interval '1 hour', e.type, e.actor,"
                    + " case when e.snapshot_id is null then null else md5(e.snapshot_id::text || c.k)::uuid end, e.detail"
                    + " from loop_timeline e join templates t on t.id = e.loop_id cross join copies c",
            // ids as the head gives them (AuditHead.nextId), so that entries appended later follow these
            "insert into audit_entries (id, recorded_at, kind, loop_id, actor, content, previous_hash, hash)"
                    + " select (select last_id from audit_head) + row_number() over (), a.recorded_at - c.k * interval '1 hour',"
                    + " a.kind, md5(a.loop_id::text || c.k)::uuid, a.actor, a.content,"
                    + " a.previous_hash, a.hash from audit_entries a join templates t on t.id = a.loop_id cross join copies c",
            "update audit_head set last_id = (select max(id) from audit_entries)",
            "analyze",
        };
        // one transaction under the chain head's lock: the copies take ids after the head's, as the node's own
        // appends (reminders, nudges) do meanwhile
        try (var statement = sql.createStatement()) {
            sql.setAutoCommit(false);
            statement.execute("select last_id from audit_head for update");
            for (String each : statements) {
                statement.execute(each.contains("%d") ? each.formatted(total) : each);
            }
            sql.commit();
        } catch (SQLException e) {
            try {
                sql.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw new IllegalStateException("copying loops into history", e);
        } finally {
            try {
                sql.setAutoCommit(true);
            } catch (SQLException e) {
                throw new IllegalStateException("copying loops into history", e);
            }
        }
    }
}
