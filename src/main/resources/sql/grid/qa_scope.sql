-- The cells one QA run checks, copied once into a temp table with a usable geometry:
-- "fixed" is the stored geometry when valid, else its ST_MakeValid polygonal part, so that one
-- broken cell cannot make the overlay checks below fail. Dropped at commit.
-- Parameters: 1 code prefix (subtree), 2-4 the date (null = current versions).
create temp table qa_cell on commit drop as
select id, code, name, level, parent_code, valid, geom,
       case when valid then geom
            else ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)) end as fixed
from (
    select id, code, name, level, parent_code, geom, ST_IsValid(geom) as valid
    from grid_cell
    where kind = 'admin'
      and code like ?
      and ((?::date is null and valid_to is null)
           or (valid_from <= ?::date and (valid_to is null or valid_to > ?::date)))
) s
