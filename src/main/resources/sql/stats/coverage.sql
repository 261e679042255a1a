-- Patrol coverage per cell (StatsRepository.coverage): each active source of the cells gets its target
-- class for the period [:s, :t) (key: special/key inspection class; complaint: named by a complaint
-- received in the period; other) and the number of patrols started in the period that checked it;
-- then per cell and class: how many sources, and how many met the class's required count
-- (:key_required, :complaint_required, :other_required; null: that class is not a target).
-- {lvl} is an allow-listed level column; :prefix the LIKE pattern of the root's codes.
with src as (
    select s.id, rpad(s.{lvl}, 12, '0') as cell, s.inspection_class in ('special', 'key') as key_class
      from pollution_source s
     where s.status = 'active' and s.{lvl} like :prefix
), complained as (
    select distinct c.source_id
      from complaint c
     where c.source_id is not null and c.received_at >= :s and c.received_at < :t
), patrolled as (
    select ps.source_id, count(*) as n
      from patrol_record p
      join patrol_source ps on ps.patrol_id = p.id
     where p.started_at >= :s and p.started_at < :t
     group by ps.source_id
), classified as (
    select src.cell,
           case when src.key_class then 'key' when c.source_id is not null then 'complaint' else 'other' end as target,
           coalesce(p.n, 0) as patrols
      from src
      left join complained c on c.source_id = src.id
      left join patrolled p on p.source_id = src.id
)
select cell, target, count(*) as sources,
       count(*) filter (where patrols >= case target when 'key' then :key_required::int
                                                     when 'complaint' then :complaint_required::int
                                                     else :other_required::int end) as met
  from classified
 group by cell, target
