-- An audit entry's id is taken from the head, under the head's lock (AuditTrail), instead of an identity column:
-- ids follow the chain's order on every node, as before, and the entries of one transaction are inserted as one
-- batch (an identity column makes each insert a round trip of its own, to learn its id).
alter table audit_head add column last_id bigint not null default 0;
-- past the newest entry and the last verified one: should entries after the checkpoint have been removed, new ones
-- must not take their ids
update audit_head set last_id = greatest(
    coalesce((select max(id) from audit_entries), 0),
    coalesce((select max(entry_id) from audit_checkpoint), 0));
alter table audit_entries alter column id drop identity;
