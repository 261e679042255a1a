-- Registers: what lives in the grid (DOMAIN.md sections 3-5). Points in EPSG:4490 (x = lon, y = lat).
--
-- Every located row carries its current cell code at each of the four levels (null where no cell
-- covers it); grid_assignment keeps every assignment a row has had, so "which village was this
-- enterprise in last year" stays answerable after boundaries change. Codes are grid_cell codes
-- (the short form: 432002 for a county, 432002001 for a township).

create table register_import (
    id            bigserial   primary key,
    register      text        not null check (register in ('monitoring_point', 'pollution_source',
                      'power_meter', 'grid_duty', 'station_chief', 'inspector', 'complaint', 'patrol_record')),
    file_name     text        not null,
    file_sha256   text        not null,
    format        text        not null,
    source_crs    text,
    actor         text,
    started_at    timestamptz not null default now(),
    row_count     integer     not null,
    inserted      integer     not null,
    updated       integer     not null,
    unchanged     integer     not null,
    report        jsonb       not null
);

-- air stations, micro-stations, water sections, drinking-water sources, outfalls. One row per
-- version: a move or a status change closes the current row (valid_to) and opens a new one.
create table monitoring_point (
    id              bigserial   primary key,
    code            text        not null,
    name            text        not null,
    type            text        not null check (type in ('national_air', 'provincial_air', 'township_air',
                        'micro_air', 'composition', 'lidar', 'vehicle_exhaust', 'water_national',
                        'water_provincial', 'drinking_water', 'outfall')),
    operator        text,
    status          text        not null default 'active' check (status in ('active', 'moved', 'retired')),
    valid_from      date        not null,
    valid_to        date,
    geom            geometry(Point, 4490) not null,
    protection_zone geometry(MultiPolygon, 4490),
    city_code       varchar(32),
    county_code     varchar(32),
    township_code   varchar(32),
    village_code    varchar(32),
    attrs           jsonb       not null default '{}',
    import_id       bigint      references register_import (id),
    check (valid_to is null or valid_to > valid_from)
);
create unique index monitoring_point_current_uq on monitoring_point (code) where valid_to is null;
create unique index monitoring_point_version_uq on monitoring_point (code, valid_from);
create index monitoring_point_geom_gix on monitoring_point using gist (geom);
create index monitoring_point_village_ix on monitoring_point (village_code) where valid_to is null;

-- enterprises, key dischargers, construction sites, restaurants, petrol stations ...
-- code: the unified social credit code (18 characters) or, where there is none, a local register id
create table pollution_source (
    id              bigserial   primary key,
    code            text        not null unique,
    name            text        not null,
    category        text        not null check (category in ('enterprise', 'key_discharger',
                        'construction_site', 'restaurant', 'petrol_station', 'cement_grinding', 'other')),
    industry        text,
    address         text,
    permit_no       text,
    inspection_class text       not null default 'general' check (inspection_class in ('special', 'key', 'general')),
    class_reason    text,
    status          text        not null default 'active' check (status in ('active', 'closed')),
    geom            geometry(Point, 4490) not null,
    city_code       varchar(32),
    county_code     varchar(32),
    township_code   varchar(32),
    village_code    varchar(32),
    attrs           jsonb       not null default '{}',
    import_id       bigint      references register_import (id),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index pollution_source_geom_gix on pollution_source using gist (geom);
create index pollution_source_village_ix on pollution_source (village_code);
create index pollution_source_township_ix on pollution_source (township_code);
create index pollution_source_county_ix on pollution_source (county_code);
create index pollution_source_class_ix on pollution_source (inspection_class, category);

-- smart power meters on a source: production line or pollution-control equipment
create table power_meter (
    id           bigserial primary key,
    code         text      not null unique,
    source_id    bigint    not null references pollution_source (id),
    role         text      not null check (role in ('production', 'control')),
    equipment    text      not null,
    -- control kW / production kW when both run normally, for the pair this meter belongs to
    normal_ratio numeric   check (normal_ratio > 0),
    pair_code    text      -- the production line a control meter watches (same source)
);
create index power_meter_source_ix on power_meter (source_id);

-- 15-minute readings, average power in kW over the interval that starts at 'at'
create table meter_reading (
    meter_id bigint      not null references power_meter (id),
    at       timestamptz not null,
    kw       numeric     not null check (kw >= 0),
    primary key (meter_id, at)
);

-- grid chief and grid officers of a cell, with their term
create table grid_duty (
    id          bigserial   primary key,
    grid_code   varchar(32) not null,
    duty        text        not null check (duty in ('grid_chief', 'grid_officer')),
    person_name text        not null,
    phone       text,
    user_id     bigint      references app_user (id),
    valid_from  date        not null,
    valid_to    date,
    check (valid_to is null or valid_to > valid_from)
);
create index grid_duty_cell_ix on grid_duty (grid_code) where valid_to is null;

-- the station chief (点位长) of an air station
create table station_chief (
    id            bigserial   primary key,
    station_code  text        not null,
    person_name   text        not null,
    title         text,
    phone         text,
    valid_from    date        not null,
    valid_to      date,
    check (valid_to is null or valid_to > valid_from)
);
create unique index station_chief_current_uq on station_chief (station_code) where valid_to is null;

-- the inspector register (双随机 draws, joint enforcement); home county decides where they may not inspect
create table inspector (
    id          bigserial   primary key,
    code        text        not null unique,
    name        text        not null,
    county_code varchar(32) not null,
    unit        text,
    kind        text        not null default 'enforcement' check (kind in ('enforcement', 'monitoring', 'guide')),
    phone       text,
    user_id     bigint      references app_user (id),
    active      boolean     not null default true
);
create index inspector_county_ix on inspector (county_code) where active;

-- complaints (信访)
create table complaint (
    id            bigserial   primary key,
    code          text        not null unique,
    received_at   timestamptz not null,
    channel       text,
    category      text,
    content       text        not null,
    address       text,
    source_id     bigint      references pollution_source (id),
    geom          geometry(Point, 4490) not null,
    city_code     varchar(32),
    county_code   varchar(32),
    township_code varchar(32),
    village_code  varchar(32),
    import_id     bigint      references register_import (id)
);
create index complaint_geom_gix on complaint using gist (geom);
create index complaint_received_ix on complaint (received_at);
create index complaint_village_ix on complaint (village_code, received_at);

-- patrol records: who, when, where (a track or a set of points), what was checked
create table patrol_record (
    id            bigserial   primary key,
    code          text        unique,
    officer       text        not null,
    user_id       bigint      references app_user (id),
    started_at    timestamptz not null,
    ended_at      timestamptz,
    geom          geometry(Geometry, 4490) not null check (GeometryType(geom) in ('POINT', 'MULTIPOINT', 'LINESTRING', 'MULTILINESTRING')),
    checked       text,
    findings      text,
    city_code     varchar(32),
    county_code   varchar(32),
    township_code varchar(32),
    village_code  varchar(32),
    import_id     bigint      references register_import (id),
    check (ended_at is null or ended_at >= started_at)
);
create index patrol_record_geom_gix on patrol_record using gist (geom);
create index patrol_record_started_ix on patrol_record (started_at);
create index patrol_record_village_ix on patrol_record (village_code, started_at);

-- which sources a patrol checked
create table patrol_source (
    patrol_id bigint not null references patrol_record (id) on delete cascade,
    source_id bigint not null references pollution_source (id),
    primary key (patrol_id, source_id)
);
create index patrol_source_source_ix on patrol_source (source_id);

-- problems found by patrols, complaints or alerts; status changes only through problem_transition
create table problem (
    id            bigserial   primary key,
    code          text        not null unique,
    title         text        not null,
    description   text,
    origin        text        not null check (origin in ('patrol', 'complaint', 'meter_alert', 'station_dispatch', 'other')),
    origin_id     bigint,
    source_id     bigint      references pollution_source (id),
    status        text        not null default 'found' check (status in ('found', 'assigned', 'rectifying',
                      'verified', 'closed', 'closed_unfixed')),
    found_at      timestamptz not null,
    deadline      timestamptz,
    assignee      text,
    closed_at     timestamptz,
    close_reason  text,
    created_by    text        not null,
    geom          geometry(Point, 4490) not null,
    city_code     varchar(32),
    county_code   varchar(32),
    township_code varchar(32),
    village_code  varchar(32),
    check ((status in ('closed', 'closed_unfixed')) = (closed_at is not null))
);
create index problem_geom_gix on problem using gist (geom);
create index problem_status_ix on problem (status, deadline);
create index problem_village_ix on problem (village_code, found_at);
create index problem_found_ix on problem (found_at);

create table problem_transition (
    id          bigserial   primary key,
    problem_id  bigint      not null references problem (id),
    from_status text,
    to_status   text        not null,
    at          timestamptz not null default now(),
    actor       text        not null,
    note        text
);
create index problem_transition_problem_ix on problem_transition (problem_id, id);

-- hourly readings of air stations (µg/m³; CO in mg/m³)
create table station_reading (
    station_code text        not null,
    at           timestamptz not null,
    pm25         numeric,
    pm10         numeric,
    o3           numeric,
    no2          numeric,
    so2          numeric,
    co           numeric,
    aqi          numeric,
    wind_from_deg numeric    check (wind_from_deg >= 0 and wind_from_deg < 360),
    wind_speed   numeric     check (wind_speed >= 0),
    primary key (station_code, at)
);

-- patrol tasks created by station-chief dispatch (or by hand)
create table patrol_task (
    id            bigserial   primary key,
    created_at    timestamptz not null default now(),
    reason        text        not null,
    station_code  text,
    reading_at    timestamptz,
    source_id     bigint      references pollution_source (id),
    grid_code     varchar(32),
    weight        numeric,
    status        text        not null default 'open' check (status in ('open', 'done', 'cancelled')),
    created_by    text        not null
);
create index patrol_task_grid_ix on patrol_task (grid_code, status);
create unique index patrol_task_dispatch_uq on patrol_task (station_code, reading_at, source_id)
    where station_code is not null;

-- every assignment a located row has had; the current one has valid_to null
create table grid_assignment (
    id            bigserial   primary key,
    entity_type   text        not null check (entity_type in ('monitoring_point', 'pollution_source',
                      'complaint', 'patrol_record', 'problem')),
    entity_id     bigint      not null,
    city_code     varchar(32),
    county_code   varchar(32),
    township_code varchar(32),
    village_code  varchar(32),
    grid_version  bigint      not null,
    valid_from    timestamptz not null default now(),
    valid_to      timestamptz
);
create unique index grid_assignment_current_uq on grid_assignment (entity_type, entity_id) where valid_to is null;
create index grid_assignment_entity_ix on grid_assignment (entity_type, entity_id, valid_from);
