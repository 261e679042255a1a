-- Prepares the cheap answers that let the pairwise checks skip most cells:
--   qa_union: the union of each parent's children (also what coverage_gap subtracts);
--   loose:   the cell is not covered by the parent its code names, or that parent is not in scope;
--   crowded: the cell's siblings overlap somewhere (sum of areas exceeds the union's area).
-- Siblings can only overlap in a crowded group; non-siblings only if one of them is loose (or
-- their parents overlap, which is reported one level up). Parameter: 1 tolerance in m².
create temp table qa_union on commit drop as
select parent_code, ST_Union(fixed) as u, sum(ST_Area(fixed::geography)) as area_sum
from qa_cell
where parent_code is not null
group by parent_code;

alter table qa_cell add column loose boolean not null default true,
                    add column crowded boolean not null default false;

-- parents grown by 1e-6 degrees (about 0.1 m) so that coordinate rounding does not make every
-- child loose; what really lies outside is measured exactly by qa_parents.sql
create temp table qa_parent on commit drop as
select p.code, ST_Buffer(p.fixed, 1e-6) as grown
from qa_cell p
where p.code in (select parent_code from qa_union);

update qa_cell c set loose = not ST_CoveredBy(c.fixed, p.grown)
from qa_parent p
where p.code = c.parent_code;

update qa_cell c set crowded = true
from qa_union g
where c.parent_code = g.parent_code and g.area_sum - ST_Area(g.u::geography) > ?;
