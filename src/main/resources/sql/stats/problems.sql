-- Problems per cell and in total (StatsRepository.problems), as of the period end :t and within [:s, :t).
-- open at :t: found before it and not closed before it (closed_at is the latest close; a reopened problem
-- has none until it is closed again); overdue at :t: open then, with a deadline before it.
-- The empty grouping set gives the total row (cell null), whose median is over all the rows' problems.
-- {lvl} is an allow-listed level column; :prefix the LIKE pattern of the root's codes.
select rpad({lvl}, 12, '0') as cell,
       count(*) filter (where closed_at is null or closed_at >= :t) as open,
       count(*) filter (where (closed_at is null or closed_at >= :t) and deadline < :t) as overdue,
       count(*) filter (where found_at >= :s) as found,
       count(*) filter (where closed_at >= :s and closed_at < :t) as closed,
       count(*) filter (where closed_at >= :s and closed_at < :t and status = 'closed_unfixed') as closed_unfixed,
       percentile_cont(0.5) within group (order by extract(epoch from closed_at - found_at) / 3600.0)
           filter (where closed_at >= :s and closed_at < :t) as median_close_hours
  from problem
 where {lvl} like :prefix and found_at < :t
 group by grouping sets ((rpad({lvl}, 12, '0')), ())
