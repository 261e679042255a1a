-- Users, sessions, API tokens, sign-in attempts and the append-only audit log.
-- Secrets are never stored: passwords as bcrypt hashes, session ids and tokens as SHA-256 hex.

create table app_user (
    id            bigserial   primary key,
    username      text        not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
    display_name  text        not null,
    role          text        not null check (role in ('admin', 'city_officer', 'county_officer',
                      'township_officer', 'village_officer', 'inspector', 'planner', 'gis_client')),
    grid_code     varchar(12) check (grid_code ~ '^[0-9]{12}$'),
    password_hash text        not null check (password_hash like '$2%'),
    active        boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    -- officers are bound to a cell; everyone else is not
    check ((role like '%\_officer') = (grid_code is not null))
);

-- browser sessions live in the database so any instance behind a load balancer can serve them
create table user_session (
    id_sha256  text        primary key,
    user_id    bigint      not null references app_user (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    last_seen  timestamptz not null default now()
);
create index user_session_user_ix on user_session (user_id);
create index user_session_expires_ix on user_session (expires_at);

create table api_token (
    id           bigserial   primary key,
    user_id      bigint      not null references app_user (id) on delete cascade,
    name         text        not null,
    token_sha256 text        not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user_ix on api_token (user_id);

-- sign-in rate limiting shared by every instance
create table login_attempt (
    id        bigserial   primary key,
    username  text        not null,
    ip        text        not null,
    at        timestamptz not null default now(),
    success   boolean     not null
);
create index login_attempt_user_ix on login_attempt (username, at);
create index login_attempt_ip_ix on login_attempt (ip, at);

create table audit_log (
    id          bigserial   primary key,
    at          timestamptz not null default now(),
    actor       text,
    actor_role  text,
    client_ip   text,
    action      text        not null,
    entity_type text        not null,
    entity_key  text,
    before      jsonb,
    after       jsonb,
    detail      text
);
create index audit_log_entity_ix on audit_log (entity_type, entity_key, id);
create index audit_log_at_ix on audit_log (at);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op;
end
$$;

create trigger audit_log_no_update_delete before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();

revoke update, delete, truncate on audit_log from public;
