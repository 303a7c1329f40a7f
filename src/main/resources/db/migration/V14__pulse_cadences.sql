-- A team's pulse cadence: a round opens every `every_seconds` when none is open. The row's next_at is
-- claimed with a conditional update, so of several nodes exactly one opens each round.
create table pulse_cadences (
    team_key      varchar(40) primary key references teams (team_key),
    every_seconds bigint      not null check (every_seconds > 0),
    next_at       timestamp(6) with time zone not null
);
