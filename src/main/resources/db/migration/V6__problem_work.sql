-- Problem work (reg-work): power-meter alert periods, who a dispatch task is for, and indexes for
-- the problem list's grid filters. Times are timestamptz; meter intervals are 15 minutes.

-- one row per flagged period of a production/control meter pair (production running while the
-- control equipment is off or far below its normal ratio) and the problem it became. Re-running
-- detection finds the same period again and leaves it alone (unique key); a period that grew with
-- late readings is widened in place, never duplicated.
create table meter_alert (
    id                  bigserial   primary key,
    production_meter_id bigint      not null references power_meter (id),
    control_meter_id    bigint      not null references power_meter (id),
    period_start        timestamptz not null,
    period_end          timestamptz not null, -- exclusive: the end of the last flagged interval
    intervals           integer     not null check (intervals > 0),
    min_ratio           numeric,              -- lowest control/production kW ratio in the period
    normal_ratio        numeric     not null check (normal_ratio > 0),
    problem_id          bigint      references problem (id), -- set in the transaction that creates the alert
    detected_at         timestamptz not null default now(),
    detected_by         text        not null,
    check (period_end > period_start),
    unique (production_meter_id, control_meter_id, period_start)
);
create index meter_alert_pair_ix on meter_alert (production_meter_id, control_meter_id, period_end);

-- the grid officers a dispatch task was created for: [{"name","phone","duty","gridCode"}]
alter table patrol_task add column assignees jsonb not null default '[]';

-- problem lists filter by any level of the grid and by status
create index problem_county_ix on problem (county_code, status);
create index problem_township_ix on problem (township_code, status);
