-- Bumped in the same transaction as every change that can make a cached principal wrong (token
-- revoked, user's role/grid/active/password changed, session ended); with pg_notify('auth_changed')
-- it tells every instance to drop its in-memory principal cache.
create table auth_version (
    id         boolean     primary key default true check (id),
    version    bigint      not null,
    changed_at timestamptz not null default now()
);
insert into auth_version (version) values (0);
