-- Versions of the data behind the register, road, plan and thematic map layers, one counter per
-- source, bumped in the writing transaction by statement triggers (so a reader that sees the new
-- version also sees the new rows) and announced on channel map_data_changed. Tile caches and the
-- WMS capabilities' extents key on them: any committed write to a layer's tables gives new keys.
create table map_data_version (
    source  text   primary key,
    version bigint not null default 0
);
insert into map_data_version (source) values
    ('roads'), ('plans'), ('problems'), ('patrols'), ('sources'), ('complaints'), ('monitoring');

create function map_data_bump() returns trigger language plpgsql as $$
begin
    -- once per transaction and source: batched single-row inserts (imports) bump it once
    if coalesce(current_setting('gridwatch_map.bumped_' || TG_ARGV[0], true), '') <> '1' then
        update map_data_version set version = version + 1 where source = TG_ARGV[0];
        perform pg_notify('map_data_changed', TG_ARGV[0]);
        perform set_config('gridwatch_map.bumped_' || TG_ARGV[0], '1', true);
    end if;
    return null;
end
$$;

do $$
declare
    t record;
begin
    for t in select * from (values
            ('road_network', 'roads'), ('road_edge', 'roads'),
            ('inspection_plan', 'plans'), ('inspection_plan_team', 'plans'), ('inspection_plan_member', 'plans'),
            ('inspection_plan_route', 'plans'), ('inspection_plan_stop', 'plans'),
            ('problem', 'problems'),
            ('patrol_record', 'patrols'), ('patrol_source', 'patrols'),
            ('pollution_source', 'sources'),
            ('complaint', 'complaints'),
            ('monitoring_point', 'monitoring')) as x(tbl, src)
    loop
        execute format('create trigger %I after insert or update or delete on %I for each statement'
                       || ' execute function map_data_bump(%L)', t.tbl || '_map_version', t.tbl, t.src);
        execute format('create trigger %I after truncate on %I for each statement'
                       || ' execute function map_data_bump(%L)', t.tbl || '_map_version_truncate', t.tbl, t.src);
    end loop;
end
$$;
