-- overlap: pairs of same-level cells whose interiors intersect (GiST && prefilter, only pairs that
-- qa_flags.sql says can overlap, then the DE-9IM interior/interior test), with the geodesic area
-- (m²) of the shared part.
-- Parameter: 1 tolerance in m².
with pairs as (
    select a.code as code, a.name as name, b.code as other,
           ST_CollectionExtract(ST_Intersection(a.fixed, b.fixed), 3) as shared
    from qa_cell a
    join qa_cell b on a.level = b.level and a.code < b.code and a.fixed && b.fixed
    where ((a.parent_code = b.parent_code and a.crowded)
           or (a.parent_code is distinct from b.parent_code and (a.loose or b.loose)))
      and ST_Relate(a.fixed, b.fixed, '2********')
)
select code, name, other, ST_Area(shared::geography) as area, ST_AsText(ST_PointOnSurface(shared)) as point
from pairs
where ST_Area(shared::geography) > ?
order by code, other
