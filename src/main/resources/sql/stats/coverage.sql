-- Patrol coverage per cell (StatsRepository.coverage): each active source of the cells gets its target
-- class for the period [s, t) (key: special/key inspection class; complaint: named by a complaint
-- received in the period; other) and the number of patrols started in the period that checked it;
-- then per cell and class: how many sources, and how many met the class's required count.
-- {lvl} is an allow-listed level column. Parameters: 1 period start s, 2 period end t, 3 root code
-- prefix pattern, 4, 5, 6 patrols required for key, complaint, other (null: that class is not a target).
with arg as (select ?::timestamptz as s, ?::timestamptz as t, ?::text as prefix,
                    ?::int as key_required, ?::int as complaint_required, ?::int as other_required),
src as (
    select s.id, rpad(s.{lvl}, 12, '0') as cell, s.inspection_class in ('special', 'key') as key_class
      from pollution_source s, arg
     where s.status = 'active' and s.{lvl} like arg.prefix
), complained as (
    select distinct c.source_id
      from complaint c, arg
     where c.source_id is not null and c.received_at >= arg.s and c.received_at < arg.t
), patrolled as (
    select ps.source_id, count(*) as n
      from patrol_record p
      join patrol_source ps on ps.patrol_id = p.id
     cross join arg
     where p.started_at >= arg.s and p.started_at < arg.t
     group by ps.source_id
), classified as (
    select src.cell,
           case when src.key_class then 'key' when c.source_id is not null then 'complaint' else 'other' end as target,
           coalesce(p.n, 0) as patrols
      from src
      left join complained c on c.source_id = src.id
      left join patrolled p on p.source_id = src.id
)
select k.cell, k.target, count(*) as sources,
       count(*) filter (where k.patrols >= case k.target when 'key' then arg.key_required
                                                         when 'complaint' then arg.complaint_required
                                                         else arg.other_required end) as met
  from classified k, arg
 group by k.cell, k.target
