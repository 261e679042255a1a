-- coverage_gap: the part of each parent not covered by the union of its children (by code),
-- geodesic area (m²) and a representative point. Only parents that have children are checked.
-- Parameter: 1 tolerance in m².
-- The children's unions come from qa_union (qa_flags.sql).
with gaps as (
    select p.code, p.name, ST_CollectionExtract(ST_Difference(p.fixed, k.u), 3) as g
    from qa_cell p
    join qa_union k on k.parent_code = p.code
)
select code, name, ST_Area(g::geography) as area, ST_AsText(ST_PointOnSurface(g)) as point,
       ST_NumGeometries(g) as parts
from gaps
where not ST_IsEmpty(g) and ST_Area(g::geography) > ?
order by code
