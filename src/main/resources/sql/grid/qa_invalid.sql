-- invalid_geometry: why, what ST_MakeValid would give, and geodesic areas (m²) before and after.
select code, name,
       ST_IsValidReason(geom) as reason,
       GeometryType(ST_MakeValid(geom)) as made_type,
       ST_Area(geom::geography) as area_before,
       ST_Area(fixed::geography) as area_after,
       ST_AsText(ST_PointOnSurface(fixed)) as point
from qa_cell
where not valid
order by code
