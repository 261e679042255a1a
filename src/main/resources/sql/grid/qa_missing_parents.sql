-- missing_parent: cells whose code names a parent that is not stored (valid on the same date).
-- Parameters: 1-3 the date (null = current versions).
select c.code, c.name, c.parent_code
from qa_cell c
where c.parent_code is not null
  and not exists (
      select 1 from grid_cell p
      where p.code = c.parent_code and p.kind = 'admin'
        and ((?::date is null and p.valid_to is null)
             or (p.valid_from <= ?::date and (p.valid_to is null or p.valid_to > ?::date))))
order by c.code
