-- The supervision grid: one row per version of a cell. Geometry in EPSG:4490 (CGCS2000, lon/lat).
create extension if not exists postgis;

create table grid_import (
    id           bigserial primary key,
    file_name    text        not null,
    file_sha256  text        not null,
    format       text        not null,
    level        smallint    not null check (level between 1 and 4),
    kind         text        not null,
    source_crs   text        not null,
    valid_from   date        not null,
    started_at   timestamptz not null default now(),
    feature_count integer    not null,
    inserted     integer     not null,
    replaced     integer     not null,
    unchanged    integer     not null,
    repaired     integer     not null,
    report       jsonb       not null
);

create table grid_cell (
    id          bigserial primary key,
    code        varchar(32) not null,
    level       smallint    not null check (level between 1 and 4),
    kind        text        not null default 'admin' check (kind in ('admin', 'park', 'key')),
    name        text        not null,
    parent_code varchar(32),
    valid_from  date        not null,
    valid_to    date,
    geom        geometry(MultiPolygon, 4490) not null,
    geom_hash   text        not null,
    import_id   bigint      references grid_import (id),
    check (valid_to is null or valid_to > valid_from)
);

-- one current version per code and kind; history rows carry valid_to
create unique index grid_cell_current_uq on grid_cell (code, kind) where valid_to is null;
create unique index grid_cell_version_uq on grid_cell (code, kind, valid_from);
create index grid_cell_geom_gix on grid_cell using gist (geom);
create index grid_cell_parent_ix on grid_cell (parent_code) where valid_to is null;
create index grid_cell_level_ix on grid_cell (level, kind) where valid_to is null;

-- bumped on every committed change to grid_cell; instances compare it to know their index is stale
create table grid_version (
    id       boolean primary key default true check (id),
    version  bigint  not null,
    changed_at timestamptz not null default now()
);
insert into grid_version (version) values (0);
