-- Problems per cell and in total (StatsRepository.problems), as of the period end t and within [s, t).
-- open at t: found before t and not closed before t (closed_at is the latest close; a reopened problem
-- has none until it is closed again); overdue at t: open at t with a deadline before t.
-- The empty grouping set gives the total row (cell null), whose median is over all the rows' problems.
-- {lvl} is an allow-listed level column. Parameters: 1 period start s, 2 period end t, 3 root code prefix pattern.
with arg as (select ?::timestamptz as s, ?::timestamptz as t, ?::text as prefix)
select rpad(p.{lvl}, 12, '0') as cell,
       count(*) filter (where p.closed_at is null or p.closed_at >= arg.t) as open,
       count(*) filter (where (p.closed_at is null or p.closed_at >= arg.t) and p.deadline < arg.t) as overdue,
       count(*) filter (where p.found_at >= arg.s) as found,
       count(*) filter (where p.closed_at >= arg.s and p.closed_at < arg.t) as closed,
       count(*) filter (where p.closed_at >= arg.s and p.closed_at < arg.t and p.status = 'closed_unfixed')
           as closed_unfixed,
       percentile_cont(0.5) within group (order by extract(epoch from p.closed_at - p.found_at) / 3600.0)
           filter (where p.closed_at >= arg.s and p.closed_at < arg.t) as median_close_hours
  from problem p, arg
 where p.{lvl} like arg.prefix and p.found_at < arg.t
 group by grouping sets ((rpad(p.{lvl}, 12, '0')), ())
