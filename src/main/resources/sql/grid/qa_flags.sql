-- Prepares what the parent checks share:
--   qa_union: the union of each parent's children (what coverage_gap subtracts);
--   loose:    the cell is not covered by the parent its code names, or that parent is not in scope
--             (only loose cells are measured by child_outside_parent / parent_mismatch).
-- Overlaps do not use these: every same-level pair is tested (InteriorPairs).
create temp table qa_union on commit drop as
select parent_code, ST_Union(fixed) as u
from qa_cell
where parent_code is not null
group by parent_code;

alter table qa_cell add column loose boolean not null default true;

-- parents grown by 1e-6 degrees (about 0.1 m) so that coordinate rounding does not make every
-- child loose; what really lies outside is measured exactly by qa_parents.sql
create temp table qa_parent on commit drop as
select p.code, ST_Buffer(p.fixed, 1e-6) as grown
from qa_cell p
where p.code in (select parent_code from qa_union);

update qa_cell c set loose = not ST_CoveredBy(c.fixed, p.grown)
from qa_parent p
where p.code = c.parent_code;
