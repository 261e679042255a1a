package cn.gridwatch.stats;

import cn.gridwatch.db.Database;
import java.sql.Statement;

/**
 * A small, hand-checked register on the "small city" of {@link cn.gridwatch.TestGrids#loadSmallCity}
 * (city 430100; counties 430102, 430103; townships T1 430102001 with villages V1 430102001001 and
 * V2 430102001002, T2 430102002, T3 430103001, T4 430103002), inserted with plain SQL. T2's rows carry
 * codes in short form (430102002, 430102, 430100) to check that both forms are counted.
 *
 * <p>The period P is [2025-03-01, 2025-03-29) (28 days), the previous period [2025-02-01, 2025-03-01).
 * Township rule over 28 days: key 8 patrols (2/7), complaint and other 1 (1/15). County rule: key and
 * complaint 4 (1/7), other no target. Patrols in P per source and the verdicts:
 * <pre>
 *   source cell class      patrols  township rule        county rule
 *   S1     V1   key        8        key 8: met           key 4: met
 *   S2     V1   special    7        key 8: not met       key 4: met
 *   S3     V1   general    1        complaint 1: met     complaint 4: not met   (complaint C1 names it)
 *   S4     V2   general    0        other 1: not met     -
 *   S5     V2   general    -        closed source, never counted
 *   S6     T2   key        8        key 8: met           key 4: met
 *   S7     T2   general    1        other 1: met         -
 *   S8     T3   key        3        key 8: not met       key 4: not met
 *   S9     T3   general    2        other 1: met         -
 *   S10    T4   general    0        other 1: not met     -   (patrolled once in the previous period)
 * </pre>
 * Township coverage: T1 2/4 = 0.5, T2 2/2 = 1.0, T3 1/2 = 0.5, T4 0/1 = 0.0 (ranks 2, 1, 2, 4).
 * County coverage: 430102 3/4 = 0.75, 430103 0/1 = 0.0. Previous period (township): T1 0/4, T2 0/2,
 * T3 0/2, T4 1/1, so the improvements are 0.5, 1.0, 0.5, -1.0.
 *
 * <p>Problems at the end of P (2025-03-29 00:00 +08:00): T1 open P1 (overdue), P2; closed in P: P3 48 h,
 * P4 24 h (closed unfixed), P5 72 h → median 48. T2: P6 open and overdue (closed only after P); P7 closed
 * before P. T3: P8 10 h and P9 26 h closed in P → median 18; P10 found after P. T4: P11 open, overdue.
 * P12 (T1) was found recently, after P, and is open with a deadline 10 days from now.
 */
final class StatsFixture {
    private StatsFixture() {
    }

    static void insert(Database db) {
        db.inTransaction("inserting the statistics fixture", c -> {
            try (Statement st = c.createStatement()) {
                st.execute(SQL);
            }
            return null;
        });
    }

    private static final String SQL = """
            create temporary table cells (cell text primary key, city text, county text, township text, village text,
                                          lon float8, lat float8);
            insert into cells values
              ('V1', '430100000000', '430102000000', '430102001000', '430102001001', 112.25, 27.5),
              ('V2', '430100000000', '430102000000', '430102001000', '430102001002', 112.75, 27.5),
              ('T2', '430100', '430102', '430102002', null, 112.5, 28.5),
              ('T3', '430100000000', '430103000000', '430103001000', null, 113.5, 27.5),
              ('T4', '430100000000', '430103000000', '430103002000', null, 113.5, 28.5);

            insert into pollution_source (id, code, name, category, inspection_class, status, geom,
                                          city_code, county_code, township_code, village_code)
            select s.id, s.code, s.name, s.category, s.cls, s.status, ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4490),
                   c.city, c.county, c.township, c.village
              from (values
                (1, 'S1', '一号化工', 'enterprise', 'key', 'active', 'V1'),
                (2, 'S2', '二号电镀', 'key_discharger', 'special', 'active', 'V1'),
                (3, 'S3', '三号饭店', 'restaurant', 'general', 'active', 'V1'),
                (4, 'S4', '四号工地', 'construction_site', 'general', 'active', 'V2'),
                (5, 'S5', '五号砖厂', 'enterprise', 'general', 'closed', 'V2'),
                (6, 'S6', '六号水泥', 'enterprise', 'key', 'active', 'T2'),
                (7, 'S7', '七号加油站', 'petrol_station', 'general', 'active', 'T2'),
                (8, 'S8', '八号钢厂', 'enterprise', 'key', 'active', 'T3'),
                (9, 'S9', '九号洗车', 'other', 'general', 'active', 'T3'),
                (10, 'S10', '十号餐馆', 'restaurant', 'general', 'active', 'T4')
              ) as s (id, code, name, category, cls, status, cell)
              join cells c on c.cell = s.cell;

            -- patrols: (id, cell, started_at, sources checked)
            create temporary table patrols (id int, cell text, at timestamptz, sources int[]);
            insert into patrols values
              -- 2025-02-28 17:00 UTC is 2025-03-01 01:00 in Beijing: inside P
              (1, 'V1', '2025-02-28T17:00:00Z', '{1,2}'),
              (2, 'V1', '2025-03-03T09:00:00+08', '{1,2}'),
              (3, 'V1', '2025-03-06T09:00:00+08', '{1,2}'),
              (4, 'V1', '2025-03-09T09:00:00+08', '{1,2}'),
              (5, 'V1', '2025-03-12T09:00:00+08', '{1,2}'),
              (6, 'V1', '2025-03-15T09:00:00+08', '{1,2}'),
              (7, 'V1', '2025-03-18T09:00:00+08', '{1,2}'),
              (8, 'V1', '2025-03-21T09:00:00+08', '{1}'),
              (9, 'V1', '2025-03-11T09:00:00+08', '{3}'),
              (10, 'T2', '2025-03-02T10:00:00+08', '{6,7}'),
              (11, 'T2', '2025-03-05T10:00:00+08', '{6}'),
              (12, 'T2', '2025-03-08T10:00:00+08', '{6}'),
              (13, 'T2', '2025-03-11T10:00:00+08', '{6}'),
              (14, 'T2', '2025-03-14T10:00:00+08', '{6}'),
              (15, 'T2', '2025-03-17T10:00:00+08', '{6}'),
              (16, 'T2', '2025-03-20T10:00:00+08', '{6}'),
              (17, 'T2', '2025-03-28T23:59:00+08', '{6}'),
              (18, 'T3', '2025-03-04T10:00:00+08', '{8,9}'),
              (19, 'T3', '2025-03-07T10:00:00+08', '{8,9}'),
              (20, 'T3', '2025-03-10T10:00:00+08', '{8}'),
              -- outside P: the previous period, and exactly the end of P (excluded)
              (21, 'T4', '2025-02-15T10:00:00+08', '{10,8}'),
              (22, 'V1', '2025-03-29T00:00:00+08', '{2}');
            insert into patrol_record (id, code, officer, started_at, geom, city_code, county_code, township_code,
                                       village_code)
            select p.id, 'PR' || p.id, '网格员', p.at, ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4490),
                   c.city, c.county, c.township, c.village
              from patrols p join cells c on c.cell = p.cell;
            insert into patrol_source (patrol_id, source_id) select id, unnest(sources) from patrols;

            insert into complaint (id, code, received_at, content, source_id, geom, city_code, county_code,
                                   township_code, village_code)
            select x.id, x.code, x.at, '投诉', x.source_id, ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4490),
                   c.city, c.county, c.township, c.village
              from (values
                (1, 'C1', '2025-03-10T12:00:00+08'::timestamptz, 3, 'V1'),
                (2, 'C2', '2025-03-20T12:00:00+08'::timestamptz, null, 'V2'),
                (3, 'C3', '2025-03-05T12:00:00+08'::timestamptz, null, 'T3'),
                (4, 'C4', '2025-02-20T12:00:00+08'::timestamptz, null, 'V1'),
                (5, 'C5', now() - interval '3 days', null, 'V1'),
                (6, 'C6', now() - interval '40 days', null, 'V1')
              ) as x (id, code, at, source_id, cell)
              join cells c on c.cell = x.cell;

            insert into problem (id, code, title, origin, status, found_at, deadline, closed_at, created_by, geom,
                                 city_code, county_code, township_code, village_code)
            select x.id, x.code, x.code, 'patrol', x.status, x.found, x.deadline, x.closed, 'test',
                   ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4490), c.city, c.county, c.township, c.village
              from (values
                (1, 'P1', 'rectifying', '2025-02-10T09:00:00+08'::timestamptz, '2025-03-10T00:00:00+08'::timestamptz,
                    null::timestamptz, 'V1'),
                (2, 'P2', 'assigned', '2025-03-05T09:00:00+08', '2025-04-30T00:00:00+08', null, 'V2'),
                (3, 'P3', 'closed', '2025-03-02T08:00:00+08', null, '2025-03-04T08:00:00+08', 'V1'),
                (4, 'P4', 'closed_unfixed', '2025-03-10T00:00:00+08', null, '2025-03-11T00:00:00+08', 'V1'),
                (5, 'P5', 'closed', '2025-03-01T00:00:00+08', null, '2025-03-04T00:00:00+08', 'V2'),
                (6, 'P6', 'closed', '2025-03-01T09:00:00+08', '2025-03-15T00:00:00+08', '2025-04-05T00:00:00+08', 'T2'),
                (7, 'P7', 'closed', '2025-02-01T09:00:00+08', null, '2025-02-20T00:00:00+08', 'T2'),
                (8, 'P8', 'closed', '2025-03-03T00:00:00+08', null, '2025-03-03T10:00:00+08', 'T3'),
                (9, 'P9', 'closed', '2025-03-05T00:00:00+08', null, '2025-03-06T02:00:00+08', 'T3'),
                (10, 'P10', 'found', '2025-03-30T00:00:00+08', null, null, 'T3'),
                (11, 'P11', 'found', '2025-03-20T00:00:00+08', '2025-03-25T00:00:00+08', null, 'T4'),
                (12, 'P12', 'found', now() - interval '1 day', now() + interval '10 days', null, 'V1')
              ) as x (id, code, status, found, deadline, closed, cell)
              join cells c on c.cell = x.cell;

            -- stations valid on P's last day: M1 (T1) and M3 (T3); M2 retired on 2025-03-15, M4 opens after P
            insert into monitoring_point (code, name, type, status, valid_from, valid_to, geom, city_code, county_code,
                                          township_code, village_code)
            select x.code, x.code, x.type, x.status, x.valid_from::date, x.valid_to::date,
                   ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4490), c.city, c.county, c.township, c.village
              from (values
                ('M1', 'national_air', 'active', '2020-01-01', null, 'V1'),
                ('M2', 'micro_air', 'active', '2020-01-01', '2025-03-15', 'V2'),
                ('M2', 'micro_air', 'retired', '2025-03-15', null, 'V2'),
                ('M3', 'township_air', 'active', '2025-03-20', null, 'T3'),
                ('M4', 'water_national', 'active', '2025-04-01', null, 'T2')
              ) as x (code, type, status, valid_from, valid_to, cell)
              join cells c on c.cell = x.cell;

            -- duties of T1, in both code forms; 赵六's term has ended
            insert into grid_duty (grid_code, duty, person_name, phone, valid_from, valid_to) values
              ('430102001', 'grid_chief', '张三', '13800000001', '2024-01-01', null),
              ('430102001000', 'grid_officer', '李四', '13800000002', '2024-01-01', null),
              ('430102001', 'grid_officer', '王五', '13800000003', '2024-02-01', null),
              ('430102001', 'grid_officer', '赵六', '13800000004', '2023-01-01', '2024-01-01');
            """;
}
