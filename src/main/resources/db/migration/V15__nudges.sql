-- Nudges: what is told to whom, sent after the step that caused it commits (an outbox).
-- nudge_events is written in the transaction of the step (a rolled-back step leaves none); each is fanned
-- out once into nudges, one per person (EMAIL) or team channel (SLACK, TEAMS), which are delivered with
-- retries. No row holds an answer or says who has or has not answered a pulse.
create table nudge_events (
    id             uuid primary key,
    kind           varchar(30) not null,
    team_key       varchar(40) not null,
    loop_id        uuid,
    task_id        varchar(64),
    round_id       uuid,
    -- when what is asked is due (a pulse's close), if the event says
    due_at         timestamp(6) with time zone,
    created_at     timestamp(6) with time zone not null,
    fanned_out_at  timestamp(6) with time zone
);
create index ix_nudge_events_pending on nudge_events (fanned_out_at, created_at);

create table nudges (
    id              uuid primary key,
    event_id        uuid         not null references nudge_events (id),
    kind            varchar(30)  not null,
    -- lower first: tasks before reminders before pulses before news
    priority        integer      not null,
    channel         varchar(10)  not null check (channel in ('EMAIL', 'SLACK', 'TEAMS')),
    -- a user id (EMAIL) or a team key (SLACK, TEAMS)
    recipient       varchar(64)  not null,
    team_key        varchar(40)  not null,
    loop_id         uuid,
    subject         varchar(300) not null,
    body            varchar(4000) not null,
    link            varchar(1000) not null,
    status          varchar(20)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamp(6) with time zone not null,
    claimed_by      varchar(100),
    claimed_until   timestamp(6) with time zone,
    created_at      timestamp(6) with time zone not null,
    sent_at         timestamp(6) with time zone,
    last_error      varchar(500),
    constraint uq_nudges_event_channel_recipient unique (event_id, channel, recipient)
);
create index ix_nudges_due on nudges (status, next_attempt_at);
create index ix_nudges_recipient on nudges (recipient, channel, created_at);

-- A person's choices; without a row: mail on, no quiet hours, the configured time zone, not paused.
create table notification_preferences (
    user_id       varchar(64) primary key,
    email_enabled boolean     not null,
    time_zone     varchar(64) not null,
    quiet_from    varchar(5),
    quiet_to      varchar(5),
    paused_until  date,
    updated_at    timestamp(6) with time zone not null
);

-- A team's chat channels (incoming webhooks); secrets, so never returned whole by the API.
create table team_chat_webhooks (
    team_key   varchar(40) primary key references teams (team_key),
    slack_url  varchar(1000),
    teams_url  varchar(1000),
    updated_at timestamp(6) with time zone not null
);

-- One node at a time delivers (so the weekly cap holds across nodes); the lease passes on when it expires.
create table nudge_dispatch_lease (
    id         integer primary key,
    holder     varchar(100),
    held_until timestamp(6) with time zone
);
insert into nudge_dispatch_lease (id, holder, held_until) values (1, null, null);
