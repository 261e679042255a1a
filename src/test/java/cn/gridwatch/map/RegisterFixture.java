package cn.gridwatch.map;

import cn.gridwatch.TestGrids;
import cn.gridwatch.TestServer;
import cn.gridwatch.db.TestDatabase;
import java.sql.Statement;

/**
 * Register rows for the map layer tests, inserted with plain SQL (the importers are built
 * elsewhere), over the small city of {@link TestGrids#loadSmallCity}: 长沙市 112..114E, 27..29N;
 * counties 芙蓉区 430102 (west of 113E) and 天心区 430103 (east); township 430102001 (112..113E,
 * 27..28N) holds the two villages 430102001001 (112..112.5E) and 430102001002 (112.5..113E).
 * Rows carry 12-digit cell codes; a row outside every village carries only its coarser codes.
 *
 * <p>What each layer should show (and not):
 * <ul>
 *   <li>air_stations: AIR-N1 national (112.25, 27.5, village 430102001001), AIR-M1 micro (113.5, 28.5,
 *       county 430103); not AIR-R (retired) nor AIR-OLD (a closed version).
 *   <li>water_sections: WAT-N1 (112.75, 27.25); drinking_water_sources: DW-1 (113.25, 27.25) with
 *       the zone 113.1..113.4E, 27.1..27.4N; outfalls: OUT-1 (112.6, 28.6, county 430102 only).
 *   <li>pollution_sources: S-SPECIAL (112.1, 27.1), S-KEY (113.6, 27.6), S-GEN (112.9, 27.9); not S-CLOSED.
 *   <li>complaints: C-RECENT (10 days ago, 112.2, 27.2) by default; C-OLD (400 days ago, 112.2, 27.8)
 *       and C-2024 (2024-03-15, 113.2, 28.2) only when asked by time.
 *   <li>problems: P-OVERDUE (deadline 2 days ago, 112.4, 27.4), P-OPEN (deadline in 10 days, 113.4,
 *       28.4); not P-CLOSED.
 * </ul>
 */
public final class RegisterFixture {
    static final String VILLAGE_1 = "'430100000000', '430102000000', '430102001000', '430102001001'";
    static final String VILLAGE_2 = "'430100000000', '430102000000', '430102001000', '430102001002'";

    private static final String SQL = """
            insert into monitoring_point (code, name, type, operator, status, valid_from, valid_to, geom,
                                          protection_zone, city_code, county_code, township_code, village_code) values
            ('AIR-N1', '解放东村国控站', 'national_air', '省站', 'active', '2023-01-01', null,
             ST_SetSRID(ST_MakePoint(112.25, 27.5), 4490), null, %1$s),
            ('AIR-M1', '城南路小微站', 'micro_air', null, 'active', '2023-01-01', null,
             ST_SetSRID(ST_MakePoint(113.5, 28.5), 4490), null, '430100000000', '430103000000', '430103002000', null),
            ('AIR-R', '已撤销站', 'national_air', null, 'retired', '2023-01-01', null,
             ST_SetSRID(ST_MakePoint(112.3, 27.6), 4490), null, %1$s),
            ('AIR-OLD', '旧址', 'provincial_air', null, 'active', '2020-01-01', '2023-01-01',
             ST_SetSRID(ST_MakePoint(112.35, 27.4), 4490), null, %1$s),
            ('WAT-N1', '湘江国控断面', 'water_national', null, 'active', '2023-01-01', null,
             ST_SetSRID(ST_MakePoint(112.75, 27.25), 4490), null, %2$s),
            ('DW-1', '天心水厂水源地', 'drinking_water', null, 'active', '2023-01-01', null,
             ST_SetSRID(ST_MakePoint(113.25, 27.25), 4490),
             ST_Multi(ST_MakeEnvelope(113.1, 27.1, 113.4, 27.4, 4490)),
             '430100000000', '430103000000', '430103001000', null),
            ('OUT-1', '文艺路排污口', 'outfall', null, 'active', '2023-01-01', null,
             ST_SetSRID(ST_MakePoint(112.6, 28.6), 4490), null, '430100000000', '430102000000', null, null);

            insert into pollution_source (code, name, category, inspection_class, status, geom,
                                          city_code, county_code, township_code, village_code) values
            ('S-SPECIAL', '特殊监管化工厂', 'enterprise', 'special', 'active', ST_SetSRID(ST_MakePoint(112.1, 27.1), 4490), %1$s),
            ('S-KEY', '重点排污水泥厂', 'key_discharger', 'key', 'active', ST_SetSRID(ST_MakePoint(113.6, 27.6), 4490),
             '430100000000', '430103000000', '430103001000', null),
            ('S-GEN', '一般餐馆', 'restaurant', 'general', 'active', ST_SetSRID(ST_MakePoint(112.9, 27.9), 4490), %2$s),
            ('S-CLOSED', '已关闭企业', 'enterprise', 'key', 'closed', ST_SetSRID(ST_MakePoint(112.2, 27.9), 4490), %1$s);

            insert into complaint (code, received_at, channel, category, content, geom,
                                   city_code, county_code, township_code, village_code) values
            ('C-RECENT', now() - interval '10 days', '12345', '噪声', '夜间施工噪声', ST_SetSRID(ST_MakePoint(112.2, 27.2), 4490), %1$s),
            ('C-OLD', now() - interval '400 days', '信访', '废气', '异味', ST_SetSRID(ST_MakePoint(112.2, 27.8), 4490), %1$s),
            ('C-2024', '2024-03-15 10:00:00+08', '网络', '废水', '排污', ST_SetSRID(ST_MakePoint(113.2, 28.2), 4490),
             '430100000000', '430103000000', '430103002000', null);

            insert into problem (code, title, origin, status, found_at, deadline, closed_at, created_by, geom,
                                 city_code, county_code, township_code, village_code) values
            ('P-OVERDUE', '露天焚烧未整改', 'patrol', 'assigned', now() - interval '20 days', now() - interval '2 days',
             null, 'test', ST_SetSRID(ST_MakePoint(112.4, 27.4), 4490), %1$s),
            ('P-OPEN', '扬尘', 'complaint', 'found', now() - interval '1 day', now() + interval '10 days',
             null, 'test', ST_SetSRID(ST_MakePoint(113.4, 28.4), 4490),
             '430100000000', '430103000000', '430103002000', null),
            ('P-CLOSED', '已办结', 'patrol', 'closed', now() - interval '30 days', now() - interval '10 days',
             now() - interval '12 days', 'test', ST_SetSRID(ST_MakePoint(112.45, 27.45), 4490), %1$s);
            """.formatted(VILLAGE_1, VILLAGE_2);

    private RegisterFixture() {
    }

    /** Loads the small city through the API and the register rows with SQL. */
    public static void load(TestServer server, TestDatabase.Fresh db) {
        TestGrids.loadSmallCity(server.http());
        db.db().inTransaction("loading the register fixture", c -> {
            try (Statement st = c.createStatement()) {
                st.execute(SQL);
            }
            return null;
        });
    }
}
