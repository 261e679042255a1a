-- Random draws (双随机) and inspection plans (patrol routes, joint cross-jurisdiction enforcement).
-- DOMAIN.md section 5. Points in EPSG:4490 (x = lon, y = lat). Names, codes and counties of the
-- drawn sources and inspectors are copied in, so a draw or plan still reads the same after the
-- registers change.

-- One draw: the seed, the rules, a snapshot of the candidates (ids, and a SHA-256 over them), who and when.
create table inspection_draw (
    id              bigserial   primary key,
    name            text        not null,
    seed            bigint      not null,
    params          jsonb       not null,   -- rates per class, grid root, inspector count and kinds ...
    register_hash   text        not null,   -- SHA-256 (hex) of the candidate lines, see DrawRanking
    candidates      jsonb       not null,   -- {"sources": {"special": [id, ...], ...}, "inspectors": [id, ...]}
    sealed_until    timestamptz,            -- the public export withholds the lists until then
    drawn_by        text        not null,
    drawn_role      text,
    drawn_at        timestamptz not null default now()
);

create table inspection_draw_source (
    draw_id          bigint  not null references inspection_draw (id),
    rank             integer not null,      -- position in the class's ranking (1 = first drawn)
    source_id        bigint  not null references pollution_source (id),
    source_code      text    not null,
    name             text    not null,
    inspection_class text    not null,
    county_code      varchar(32),
    primary key (draw_id, source_id)
);

create table inspection_draw_inspector (
    draw_id        bigint  not null references inspection_draw (id),
    rank           integer not null,
    inspector_id   bigint  not null references inspector (id),
    inspector_code text    not null,
    name           text    not null,
    county_code    varchar(32) not null,
    kind           text    not null,
    unit           text,
    primary key (draw_id, inspector_id)
);

-- A plan: a patrol route (one officer, one day) or a joint enforcement plan (teams x days).
create table inspection_plan (
    id            bigserial   primary key,
    kind          text        not null check (kind in ('patrol', 'joint')),
    name          text        not null,
    rule          text        not null check (rule in ('none', 'county', 'city')),
    draw_id       bigint      references inspection_draw (id),
    first_day     date        not null,
    last_day      date        not null,
    work_start    time        not null,
    work_end      time        not null,
    sealed_until  timestamptz,
    matrix_method text        not null,
    notes         jsonb       not null default '[]',
    solver        jsonb       not null,   -- status, stop reason, reproducible, solutions, milliseconds, options
    params        jsonb       not null,   -- the request as it was given
    summary       jsonb       not null,
    created_by    text        not null,
    created_role  text,
    created_at    timestamptz not null default now(),
    check (last_day >= first_day)
);
create index inspection_plan_created_ix on inspection_plan (created_at);

create table inspection_plan_team (
    plan_id       bigint   not null references inspection_plan (id),
    team_no       integer  not null,
    name          text     not null,
    home_counties text[]   not null,
    start_geom    geometry(Point, 4490) not null,
    end_geom      geometry(Point, 4490) not null,
    primary key (plan_id, team_no)
);

-- members of a team: inspectors from the register (joint plans) or the officer (patrol routes)
create table inspection_plan_member (
    plan_id        bigint  not null references inspection_plan (id),
    team_no        integer not null,
    inspector_id   bigint  references inspector (id),
    inspector_code text,
    name           text    not null,
    county_code    varchar(32),
    kind           text    not null,       -- enforcement, monitoring, guide, officer
    user_id        bigint  references app_user (id),
    foreign key (plan_id, team_no) references inspection_plan_team (plan_id, team_no)
);
create index inspection_plan_member_user_ix on inspection_plan_member (user_id);

create table inspection_plan_route (
    plan_id     bigint      not null,
    team_no     integer     not null,
    day         date        not null,
    departure   timestamptz not null,
    return_at   timestamptz not null,
    distance_m  bigint      not null,
    travel_s    bigint      not null,
    service_s   bigint      not null,
    wait_s      bigint      not null,
    stop_count  integer     not null,
    geom        geometry(LineString, 4490),
    primary key (plan_id, team_no, day),
    foreign key (plan_id, team_no) references inspection_plan_team (plan_id, team_no)
);

create table inspection_plan_stop (
    plan_id      bigint      not null,
    team_no      integer     not null,
    day          date        not null,
    seq          integer     not null,
    target_code  text        not null,
    target_name  text        not null,
    source_id    bigint      references pollution_source (id),
    county_code  varchar(32),
    priority     integer     not null,
    arrival      timestamptz not null,
    start_at     timestamptz not null,
    departure    timestamptz not null,
    leg_s        bigint      not null,
    leg_m        bigint      not null,
    geom         geometry(Point, 4490) not null,
    primary key (plan_id, team_no, day, seq),
    foreign key (plan_id, team_no, day) references inspection_plan_route (plan_id, team_no, day)
);

create table inspection_plan_unserved (
    plan_id      bigint  not null references inspection_plan (id),
    target_code  text    not null,
    target_name  text    not null,
    source_id    bigint  references pollution_source (id),
    county_code  varchar(32),
    priority     integer not null,
    reason       text    not null check (reason in ('no_eligible_team', 'outside_time_windows', 'unreachable',
                     'dropped_for_capacity', 'no_solution')),
    detail       text    not null,
    geom         geometry(Point, 4490) not null,
    primary key (plan_id, target_code)
);
