-- overlap: the shared part of pairs of same-level cells whose interiors intersect, with its geodesic
-- area (m²) and a representative point. The pairs (DE-9IM '2********', every same-level pair,
-- siblings or not) are found in Java by InteriorPairs; this only measures them.
-- Parameters: 1 ids of the first cells, 2 ids of the second cells (bigint arrays of equal length,
-- the first cell having the lower code), 3 tolerance in m².
with pairs as (
    select a.code as code, a.name as name, b.code as other,
           ST_CollectionExtract(ST_Intersection(a.fixed, b.fixed), 3) as shared
    from unnest(?::bigint[], ?::bigint[]) as p(a_id, b_id)
    join qa_cell a on a.id = p.a_id
    join qa_cell b on b.id = p.b_id
)
select code, name, other, ST_Area(shared::geography) as area, ST_AsText(ST_PointOnSurface(shared)) as point
from pairs
where ST_Area(shared::geography) > ?
order by code, other
