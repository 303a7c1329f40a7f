-- One CSV import per team at a time (intake/ImportLeases), across every node: a second import of the same
-- team while one runs is answered 409 at once instead of racing it to the unique keys.
-- A lease is renewed with every batch written; one not renewed for minutes belongs to a node that died.
create table import_leases (
    team_key   varchar(40)  primary key,
    taken_at   timestamp(6) with time zone not null
);
