package cn.gridwatch.grid.generate.registers;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.grid.generate.GenerateCommand;
import cn.gridwatch.grid.generate.GeneratedCell;
import cn.gridwatch.grid.generate.GeneratedGrid;
import cn.gridwatch.grid.generate.GridGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import picocli.CommandLine;

/** The generated demo registers: reproducible, consistent with each other and placed inside villages. */
class RegisterGeneratorTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static GeneratedGrid grid;
    private static Map<String, CsvTable> demo;

    @BeforeAll
    static void generate() {
        grid = new GridGenerator().demo(GridGenerator.DEFAULT_SEED);
        demo = byName(new RegisterGenerator().generate(grid, RegisterScale.demo(RegisterScale.DEFAULT_UNTIL),
                GridGenerator.DEFAULT_SEED));
    }

    @Test
    void the_committed_demo_data_is_exactly_what_the_generate_command_makes(@TempDir Path dir) throws Exception {
        int code = new CommandLine(new GenerateCommand()).execute("--mode", "demo", "--seed",
                String.valueOf(GridGenerator.DEFAULT_SEED), "--out", dir.toString());
        assertThat(code).isZero();
        Path committed = Path.of("gis-data");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path rel = dir.relativize(f);
                assertThat(Files.mismatch(f, committed.resolve(rel))).as("gis-data/" + rel + " is stale; regenerate "
                        + "it with ./gridwatch generate --mode demo --out gis-data").isEqualTo(-1L);
            }
        }
        assertThat(dir.resolve("registers/sources.csv")).exists();
    }

    @Test
    void files_have_the_contract_columns_and_the_demo_sizes() {
        assertThat(demo.keySet()).containsExactly("monitoring_points.csv", "sources.csv", "power_meters.csv",
                "duties.csv", "station_chiefs.csv", "inspectors.csv", "complaints.csv", "patrols.csv");
        assertThat(demo.get("sources.csv").header()).containsExactly("code", "name", "category", "industry", "address",
                "permit_no", "inspection_class", "class_reason", "status", "lon", "lat");
        assertThat(demo.get("patrols.csv").header()).containsExactly("code", "officer", "started_at", "ended_at",
                "checked", "findings", "source_codes", "lon", "lat");
        assertThat(demo.get("complaints.csv").header()).containsExactly("code", "received_at", "channel", "category",
                "content", "address", "source_code", "lon", "lat");
        assertThat(demo.get("monitoring_points.csv").rows()).hasSize(60);
        assertThat(demo.get("sources.csv").rows()).hasSize(1500);
        assertThat(demo.get("complaints.csv").rows()).hasSize(400);
        assertThat(demo.get("patrols.csv").rows()).hasSize(5000);
        assertThat(demo.get("inspectors.csv").rows()).hasSize(60);
        int cells = grid.cities().size() + grid.counties().size() + grid.townships().size() + grid.villages().size();
        assertThat(demo.get("duties.csv").rows()).hasSize(3 * cells);
    }

    @Test
    void about_three_percent_of_sources_are_special_and_twenty_percent_key() {
        List<String[]> rows = demo.get("sources.csv").rows();
        long special = rows.stream().filter(r -> r[6].equals("special")).count();
        long key = rows.stream().filter(r -> r[6].equals("key")).count();
        assertThat(special / (double) rows.size()).isBetween(0.02, 0.045);
        assertThat(key / (double) rows.size()).isBetween(0.17, 0.23);
        assertThat(rows).allSatisfy(r -> assertThat(r[7].isEmpty()).as(r[0]).isEqualTo(r[6].equals("general")));
    }

    @Test
    void every_point_lies_inside_a_village_of_the_demo_grid() {
        STRtree villages = new STRtree();
        for (GeneratedCell v : grid.villages()) {
            villages.insert(v.geometry().getEnvelopeInternal(), v);
        }
        for (String file : List.of("monitoring_points.csv", "sources.csv", "complaints.csv", "patrols.csv")) {
            CsvTable t = demo.get(file);
            int lon = t.header().indexOf("lon");
            for (String[] r : t.rows()) {
                Point p = GF.createPoint(new Coordinate(Double.parseDouble(r[lon]), Double.parseDouble(r[lon + 1])));
                @SuppressWarnings("unchecked")
                List<GeneratedCell> hits = villages.query(p.getEnvelopeInternal());
                assertThat(hits.stream().anyMatch(v -> v.geometry().covers(p))).as(file + " " + r[0]).isTrue();
            }
        }
    }

    @Test
    void references_between_files_resolve() {
        Set<String> sources = column("sources.csv", "code");
        Set<String> meters = column("power_meters.csv", "code");
        assertThat(sources).hasSize(1500);
        assertThat(column("power_meters.csv", "source_code")).isSubsetOf(sources);
        assertThat(column("power_meters.csv", "pair_code")).isSubsetOf(concat(meters, ""));
        assertThat(column("complaints.csv", "source_code")).isSubsetOf(concat(sources, ""));
        Set<String> patrolled = new HashSet<>();
        column("patrols.csv", "source_codes").forEach(s -> patrolled.addAll(List.of(s.split(";"))));
        assertThat(patrolled).isSubsetOf(concat(sources, ""));
        assertThat(column("patrols.csv", "officer")).isSubsetOf(column("duties.csv", "person_name"));
        assertThat(column("station_chiefs.csv", "station_code")).isSubsetOf(column("monitoring_points.csv", "code"));
        assertThat(column("inspectors.csv", "county_code")).hasSize(6);
    }

    @Test
    void credit_codes_carry_a_valid_check_character() {
        for (String code : column("sources.csv", "code")) {
            if (code.startsWith("9")) {
                assertThat(code).hasSize(18);
                assertThat(code.charAt(17)).as(code).isEqualTo(CreditCodes.checkChar(code));
            }
        }
        // a published example of the algorithm: 91350100M000100Y43
        assertThat(CreditCodes.checkChar("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void activity_lies_in_the_year_before_until_and_problems_are_consistent() {
        RegisterScale small = new RegisterScale("bench", RegisterScale.demo(RegisterScale.DEFAULT_UNTIL).stations(), 300,
                5, 2, 50, 400, 300, RegisterScale.DEFAULT_UNTIL);
        Map<String, CsvTable> t = byName(new RegisterGenerator().generate(grid, small, 7));
        OffsetDateTime from = small.from().atStartOfDay().atOffset(Times.CST);
        OffsetDateTime until = small.until().atStartOfDay().atOffset(Times.CST);
        for (String[] r : t.get("patrols.csv").rows()) {
            OffsetDateTime start = OffsetDateTime.parse(r[2]);
            assertThat(start).isAfterOrEqualTo(from).isBefore(until);
            assertThat(OffsetDateTime.parse(r[3])).isAfter(start);
        }
        assertThat(t.get("problems.csv").rows()).hasSize(300).allSatisfy(r -> {
            OffsetDateTime found = OffsetDateTime.parse(r[5]);
            assertThat(found).isAfterOrEqualTo(from).isBefore(until);
            assertThat(OffsetDateTime.parse(r[6])).isAfter(found);
            boolean closed = r[4].startsWith("closed");
            assertThat(r[7].isEmpty()).as(r[0]).isEqualTo(!closed);
            if (closed) {
                assertThat(OffsetDateTime.parse(r[7])).isAfter(found).isBefore(until);
            }
        });
        Map<String, CsvTable> again = byName(new RegisterGenerator().generate(grid, small, 7));
        for (String f : t.keySet()) {
            assertThat(again.get(f).rows()).as(f).usingRecursiveComparison().isEqualTo(t.get(f).rows());
        }
    }

    private static Set<String> column(String file, String name) {
        CsvTable t = demo.get(file);
        int i = t.header().indexOf(name);
        Set<String> values = new HashSet<>();
        t.rows().forEach(r -> {
            if (!r[i].isEmpty()) {
                values.add(r[i]);
            }
        });
        return values;
    }

    private static Set<String> concat(Set<String> s, String extra) {
        Set<String> out = new HashSet<>(s);
        out.add(extra);
        return out;
    }

    private static Map<String, CsvTable> byName(List<CsvTable> tables) {
        Map<String, CsvTable> m = new java.util.LinkedHashMap<>();
        tables.forEach(t -> m.put(t.fileName(), t));
        return m;
    }
}
