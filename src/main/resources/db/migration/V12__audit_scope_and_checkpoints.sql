-- What an entry belongs to and the actor's role then, inside the hashed content (format 2). Entries
-- written before have no format (null = format 1, the legacy hash) and still verify as they were.
alter table audit_entries add column format integer;
alter table audit_entries add column team varchar(100);
alter table audit_entries add column actor_roles varchar(500);

-- One row: the newest entry verified so far (its id, its hash, the chain's length up to it and when),
-- where the next quick verification starts instead of at the first entry.
create table audit_checkpoint (
    id          integer primary key,
    entry_id    bigint      not null,
    entry_hash  varchar(64) not null,
    entry_count bigint      not null,
    verified_at timestamp(6) with time zone not null
);
-- entry 0 with the empty hash: nothing verified yet, the first verification starts at the first entry
insert into audit_checkpoint (id, entry_id, entry_hash, entry_count, verified_at) values (1, 0, '', 0, current_timestamp);

-- Full re-verifications on demand: progress while one runs (on any node), the result after.
create table audit_verifications (
    id                    uuid primary key,
    started_by            varchar(100),
    started_at            timestamp(6) with time zone not null,
    updated_at            timestamp(6) with time zone not null,
    finished_at           timestamp(6) with time zone,
    state                 varchar(20) not null,
    done                  bigint      not null,
    total                 bigint      not null,
    last_entry_id         bigint,
    intact                boolean,
    first_broken_entry_id bigint,
    problem               varchar(1000)
);
create index ix_audit_verifications_started on audit_verifications (started_at);
