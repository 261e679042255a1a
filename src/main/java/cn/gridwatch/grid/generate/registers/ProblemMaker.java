package cn.gridwatch.grid.generate.registers;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates {@code problems.csv} (benchmark scale; problems have no import file in the shared contract,
 * so its columns follow the {@code problem} table): problems found in the year at sources (weighted
 * toward special and key ones), by origin, with a deadline 7, 15 or 30 days on; the time to close is
 * exponential with a per-township mean between 2 and 15 days, so some are overdue and townships differ.
 * Problems not closed before the year's end stay open. Stateless and thread-safe; the random generator
 * is not.
 */
final class ProblemMaker {
    static final String[] HEADER = {"code", "title", "origin", "source_code", "status", "found_at", "deadline",
        "closed_at", "close_reason", "assignee", "lon", "lat"};
    private static final List<String> ORIGINS = List.of("patrol", "complaint", "meter_alert", "station_dispatch",
            "other");
    private static final double[] ORIGIN_SHARES = {0.60, 0.25, 0.05, 0.05, 0.05};
    private static final List<String> ISSUES = List.of("治理设施未正常运行", "未按要求落实扬尘防控措施", "油烟超标排放",
            "危险废物贮存不规范", "污水超标排放", "物料露天堆放");
    private static final List<String> OPEN_STATUSES = List.of("found", "assigned", "rectifying", "verified");
    private static final int[] DEADLINE_DAYS = {7, 15, 30};

    private ProblemMaker() {
    }

    private record Row(OffsetDateTime found, String title, String origin, GenSource source, String status,
            OffsetDateTime deadline, OffsetDateTime closed, String reason, String assignee, double[] point) {
    }

    static void make(Places places, List<GenSource> active, Map<String, List<String>> officers, RegisterScale scale,
            SplittableRandom rnd, CsvTable out) {
        Map<String, Double> meanHours = new HashMap<>();
        places.townships().forEach(t -> meanHours.put(t.code().substring(0, 9), 48 + 312 * rnd.nextDouble()));
        double[] cumulative = new double[active.size()];
        double sum = 0;
        for (int i = 0; i < active.size(); i++) {
            String cls = active.get(i).inspectionClass();
            sum += cls.equals("special") ? 10 : cls.equals("key") ? 3 : 1;
            cumulative[i] = sum;
        }
        OffsetDateTime end = scale.until().atStartOfDay().atOffset(Times.CST);
        List<Row> rows = new ArrayList<>(scale.problems());
        for (int i = 0; i < scale.problems(); i++) {
            GenSource s = active.get(Weighted.index(cumulative, rnd));
            OffsetDateTime found = Times.at(Times.day(scale.from(), 365, 0.5, rnd), 8 * 60, 18 * 60, rnd);
            OffsetDateTime deadline = found.plusDays(DEADLINE_DAYS[rnd.nextInt(DEADLINE_DAYS.length)]);
            double mean = meanHours.get(s.village().code().substring(0, 9));
            OffsetDateTime closed = found.plusMinutes(Math.round(-Math.log(1 - rnd.nextDouble()) * mean * 60) + 30);
            String status;
            String reason = null;
            if (closed.isBefore(end)) {
                status = Weighted.chance(0.07, rnd) ? "closed_unfixed" : "closed";
                if (status.equals("closed_unfixed")) {
                    reason = rnd.nextBoolean() ? "企业已停产关闭，无法整改" : "经核查反映情况不属实";
                }
            } else {
                status = Weighted.any(OPEN_STATUSES, rnd);
                closed = null;
            }
            rows.add(new Row(found, s.name() + Weighted.any(ISSUES, rnd), Weighted.pick(ORIGINS, ORIGIN_SHARES, rnd), s,
                    status, deadline, closed, reason, Weighted.any(officers.get(s.village().code()), rnd),
                    places.near(s.village(), s.lon(), s.lat(), 50, rnd)));
        }
        rows.sort(Comparator.comparing(Row::found));
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.add(String.format("WT%s%06d", r.found().format(Times.DAY), i + 1), r.title(), r.origin(),
                    r.source().code(), r.status(), Times.iso(r.found()), Times.iso(r.deadline()),
                    r.closed() == null ? null : Times.iso(r.closed()), r.reason(), r.assignee(), r.point()[0],
                    r.point()[1]);
        }
    }
}
