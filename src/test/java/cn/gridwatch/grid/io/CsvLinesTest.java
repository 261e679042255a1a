package cn.gridwatch.grid.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLinesTest {
    @Test
    void fields_with_commas_quotes_and_line_breaks_are_quoted_and_read_back_unchanged() throws IOException {
        List<String> fields = List.of("湘江化工", "长沙市芙蓉区, 1号", "C:\\油烟 \"大\"", "第一行\n第二行", "");
        StringWriter w = new StringWriter();
        CsvLines.write(w, fields, "\r\n");
        assertThat(w.toString()).isEqualTo("湘江化工,\"长沙市芙蓉区, 1号\",\"C:\\油烟 \"\"大\"\"\",\"第一行\n第二行\",\r\n");
        assertThat(new CsvRecords(new StringReader(w.toString())).next()).isEqualTo(fields);
    }

    @Test
    void a_null_field_is_written_empty_and_the_line_end_is_the_callers() throws IOException {
        StringWriter w = new StringWriter();
        CsvLines.write(w, Arrays.asList("a", null, "b"), "\n");
        assertThat(w.toString()).isEqualTo("a,,b\n");
    }
}
