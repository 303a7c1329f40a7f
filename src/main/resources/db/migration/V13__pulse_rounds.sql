-- Pulse rounds: a team answers the catalogue's survey items in Podloop, anonymous by construction.
-- Participation records only THAT a member answered (no time, no order, no answer); the aggregates hold
-- only per-round, per-metric totals. The two share no key finer than the round, so no row, order or
-- time links a person to a value.
create table pulse_rounds (
    id                  uuid primary key,
    team_key            varchar(40)  not null references teams (team_key),
    -- the metric keys asked, comma-separated in catalogue order
    metrics             varchar(500) not null,
    -- pod members when the round opened; fixed, so membership changes reveal nothing about who answered
    invited             integer      not null check (invited >= 1),
    opened_at           timestamp(6) with time zone not null,
    closes_at           timestamp(6) with time zone not null,
    state               varchar(10)  not null check (state in ('OPEN', 'CLOSED')),
    reminded_at         timestamp(6) with time zone,
    closed_at           timestamp(6) with time zone,
    snapshot_id         uuid references snapshots (id),
    process_instance_id varchar(64),
    -- the team's key while the round is open, null after: at most one open round per team, on both databases
    open_for_team       varchar(40),
    constraint uq_pulse_rounds_open_for_team unique (open_for_team)
);
create index ix_pulse_rounds_team_state on pulse_rounds (team_key, state);

create table pulse_participation (
    round_id uuid        not null references pulse_rounds (id),
    user_id  varchar(64) not null,
    primary key (round_id, user_id)
);

-- Scores in points: a respondent's item answers after reverse scoring, less the scale minimum per item
-- (0 to max_points = items × (scaleMax − scaleMin)); whole numbers, so concurrent x = x + ? are exact.
create table pulse_aggregates (
    round_id       uuid        not null references pulse_rounds (id),
    metric         varchar(64) not null,
    max_points     integer     not null,
    respondents    integer     not null,
    score_sum      bigint      not null,
    score_squares  bigint      not null,
    primary key (round_id, metric)
);
