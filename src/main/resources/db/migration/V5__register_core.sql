-- Register core (reg-core): the grid version the located registers were last assigned under, and
-- indexes for the register list queries (grid subtree, class, date range).

-- One row. RegisterReassigner compares it with the grid version under the register write lock,
-- so when several instances hear the same grid change only the first re-assigns.
create table register_grid_state (
    id            boolean     primary key default true check (id),
    grid_version  bigint      not null,
    grid_date     date,
    reassigned_at timestamptz
);
insert into register_grid_state (grid_version) values (-1);

create index monitoring_point_county_ix on monitoring_point (county_code) where valid_to is null;
create index monitoring_point_township_ix on monitoring_point (township_code) where valid_to is null;
-- "key sources of this county" (random-inspection draws, lists): index order is the list order
create index pollution_source_county_class_ix on pollution_source (county_code, inspection_class, code);
create index pollution_source_township_class_ix on pollution_source (township_code, inspection_class, code);
create index complaint_county_ix on complaint (county_code, received_at);
create index complaint_township_ix on complaint (township_code, received_at);
create index patrol_record_county_ix on patrol_record (county_code, started_at);
create index patrol_record_township_ix on patrol_record (township_code, started_at);
create index grid_duty_identity_ix on grid_duty (grid_code, duty, person_name) where valid_to is null;
create index station_chief_station_ix on station_chief (station_code, valid_from);
