package cn.gridwatch.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterFileReaderTest {
    @TempDir
    Path dir;

    @Test
    void csv_rows_are_numbered_by_the_line_they_start_on_and_quoted_commas_survive() throws IOException {
        Path f = write("s.csv", "\uFEFFCode, Name ,address\r\nA1,甲厂,\"长沙市, 芙蓉区\"\r\n\r\nA2,\"乙\n厂\",\r\nA3,丙厂,x\r\n");
        RegisterTable t = RegisterFileReader.read(f, RegisterFormat.CSV);
        assertThat(t.header()).containsExactly("code", "name", "address");
        assertThat(t.rows()).extracting(SourceRow::number).containsExactly(2, 4, 6);
        assertThat(t.rows().get(0).get("address")).isEqualTo("长沙市, 芙蓉区");
        assertThat(t.rows().get(1).get("name")).isEqualTo("乙\n厂");
        assertThat(t.rows().get(1).get("address")).isNull();
    }

    @Test
    void a_csv_header_naming_a_column_twice_is_refused_with_the_file_name() throws IOException {
        Path f = write("dup.csv", "code,name,CODE\n1,a,2\n");
        assertThatThrownBy(() -> RegisterFileReader.read(f, RegisterFormat.CSV))
                .hasMessageContaining("dup.csv").hasMessageContaining("names column 'code' twice");
    }

    @Test
    void geojson_points_become_lon_and_lat_with_their_exact_digits_and_lines_become_wkt() throws IOException {
        Path f = write("p.geojson", """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":1335,"name":"经开区环保局"},
                  "geometry":{"type":"Point","coordinates":[113.0833,28.2325]}},
                 {"type":"Feature","properties":{"code":"P2"},
                  "geometry":{"type":"LineString","coordinates":[[113,28],[113.1,28.1]]}}]}""");
        RegisterTable t = RegisterFileReader.read(f, RegisterFormat.GEOJSON);
        assertThat(t.rows().get(0).values()).containsEntry("code", "1335").containsEntry("lon", "113.0833")
                .containsEntry("lat", "28.2325");
        assertThat(t.rows().get(1).get("wkt")).isEqualTo("LINESTRING (113 28, 113.1 28.1)");
        assertThat(t.rows()).extracting(SourceRow::number).containsExactly(1, 2);
    }

    @Test
    void xlsx_reads_numbers_as_typed_dates_as_iso_and_rows_as_excel_numbers_them() throws IOException {
        Path f = dir.resolve("c.xlsx");
        try (OutputStream out = Files.newOutputStream(f)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("complaints");
            ws.value(0, 0, "code");
            ws.value(0, 1, "county");
            ws.value(0, 2, "lon");
            ws.value(0, 3, "day");
            ws.value(0, 4, "at");
            ws.value(2, 0, "C1"); // row 3 in Excel: row 2 is empty
            ws.value(2, 1, 430102);
            ws.value(2, 2, 113.0833);
            ws.value(2, 3, LocalDate.of(2024, 5, 1));
            ws.style(2, 3).format("yyyy-mm-dd").set();
            ws.value(2, 4, LocalDateTime.of(2024, 5, 1, 9, 30));
            ws.style(2, 4).format("yyyy-mm-dd hh:mm").set();
            wb.finish();
        }
        RegisterTable t = RegisterFileReader.read(f, RegisterFormat.XLSX);
        assertThat(t.header()).containsExactly("code", "county", "lon", "day", "at");
        SourceRow r = t.rows().get(0);
        assertThat(r.number()).isEqualTo(3);
        assertThat(r.values()).containsEntry("county", "430102").containsEntry("lon", "113.0833")
                .containsEntry("day", "2024-05-01").containsEntry("at", "2024-05-01T09:30");
        assertThat(Values.instant(r.get("at"))).isEqualTo(Instant.parse("2024-05-01T01:30:00Z"));
    }

    @Test
    void a_file_that_is_not_a_workbook_is_refused_clearly() throws IOException {
        Path f = write("x.xlsx", "code,name\n");
        assertThatThrownBy(() -> RegisterFileReader.read(f, RegisterFormat.XLSX))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.xlsx");
    }

    @Test
    void exports_read_back_to_the_same_text() throws IOException {
        List<String> header = List.of("code", "name", "lon", "note");
        List<List<String>> rows = List.of(List.of("001", "甲,厂", "113.08330000000001", "say \"hi\""),
                java.util.Arrays.asList("002", "乙", "113", null));
        Path csv = dir.resolve("e.csv");
        Files.write(csv, TableWriter.csv(header, rows));
        Path xlsx = dir.resolve("e.xlsx");
        Files.write(xlsx, TableWriter.xlsx("e", header, rows));
        for (RegisterTable t : List.of(RegisterFileReader.read(csv, RegisterFormat.CSV),
                RegisterFileReader.read(xlsx, RegisterFormat.XLSX))) {
            assertThat(t.header()).isEqualTo(header);
            assertThat(t.rows().get(0).values().values()).containsExactlyElementsOf(rows.get(0));
            assertThat(t.rows().get(1).values().values()).containsExactlyElementsOf(rows.get(1));
        }
    }

    @Test
    void local_times_are_china_standard_time_and_offsets_are_kept() {
        assertThat(Values.instant("2024-05-01 09:30")).isEqualTo(Instant.parse("2024-05-01T01:30:00Z"));
        assertThat(Values.instant("2024/5/1 9:30:15")).isEqualTo(Instant.parse("2024-05-01T01:30:15Z"));
        assertThat(Values.instant("2024-05-01T09:30:00Z")).isEqualTo(Instant.parse("2024-05-01T09:30:00Z"));
        assertThat(Values.format(Instant.parse("2024-05-01T01:30:00Z"))).isEqualTo("2024-05-01T09:30:00+08:00");
        assertThatThrownBy(() -> Values.instant("2024-02-30 10:00")).hasMessageContaining("not a real date");
        assertThatThrownBy(() -> Values.date("01.05.2024")).hasMessageContaining("2024-05-01");
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
