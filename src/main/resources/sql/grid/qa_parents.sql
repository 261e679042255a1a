-- child_outside_parent and parent_mismatch: children not covered by the parent their code names,
-- (loose, from qa_flags.sql), the geodesic area (m²) outside it, and the cell one level up that holds most of the child's area.
with outside as (
    select c.code, c.name, c.level, c.parent_code, c.fixed,
           ST_CollectionExtract(ST_Difference(c.fixed, p.fixed), 3) as part
    from qa_cell c
    join qa_cell p on p.code = c.parent_code
    where c.loose
)
select o.code, o.name, o.parent_code,
       ST_Area(o.part::geography) as outside_area,
       ST_Area(o.fixed::geography) as child_area,
       case when ST_IsEmpty(o.part) then null else ST_AsText(ST_PointOnSurface(o.part)) end as point,
       best.code as best_code, best.name as best_name, best.share as best_share
from outside o
left join lateral (
    select q.code, q.name, ST_Area(ST_Intersection(o.fixed, q.fixed)::geography) as share
    from qa_cell q
    where q.level = o.level - 1 and q.fixed && o.fixed
    order by share desc, q.code
    limit 1
) best on true
order by o.code
