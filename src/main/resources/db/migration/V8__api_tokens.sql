-- API tokens of technical clients (identity/ApiTokenService): only the SHA-256 of the secret is stored.
-- Revoked tokens stay, so that the list still shows who had which token until when.
create table api_tokens (
    id           uuid primary key,
    user_id      varchar(64)  not null,
    name         varchar(60)  not null,
    secret_hash  varchar(64)  not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(64)  not null,
    last_used_at timestamp(6) with time zone,
    revoked_at   timestamp(6) with time zone,
    revoked_by   varchar(64),
    constraint uq_api_tokens_secret_hash unique (secret_hash)
);
create index ix_api_tokens_user on api_tokens (user_id);

-- A step taken with a token names it, e.g. collector (token "survey-export nightly"): a user id (up to 64)
-- and a token name (up to 60) do not fit the 100 characters the actor had. SET DATA TYPE: H2 and PostgreSQL.
alter table loop_timeline alter column actor set data type varchar(200);
alter table audit_entries alter column actor set data type varchar(200);
