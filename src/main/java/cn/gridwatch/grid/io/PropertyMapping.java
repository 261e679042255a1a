package cn.gridwatch.grid.io;

import java.util.List;
import java.util.Map;

/**
 * Which source properties hold a cell's code, name and parent code. A {@code null} field means
 * "the first present of the usual names" for code and name, and "derive it from the code" for the
 * parent. Immutable and thread-safe.
 */
public record PropertyMapping(String codeField, String nameField, String parentField) {
    public static final List<String> CODE_FIELDS =
            List.of("code", "adcode", "district_adcode", "CODE", "ADCODE", "xzqdm", "XZQDM");
    public static final List<String> NAME_FIELDS =
            List.of("name", "NAME", "district_name", "mc", "MC", "xzqmc", "XZQMC");

    public static PropertyMapping defaults() {
        return new PropertyMapping(null, null, null);
    }

    /** The code value as text, or {@code null} when absent or blank. */
    public String code(Map<String, Object> props) {
        return text(props, codeField, CODE_FIELDS);
    }

    public String name(Map<String, Object> props) {
        return text(props, nameField, NAME_FIELDS);
    }

    /** The parent value as text, or {@code null} when no parent field is configured or it is blank. */
    public String parent(Map<String, Object> props) {
        return parentField == null ? null : text(props, parentField, List.of());
    }

    private static String text(Map<String, Object> props, String field, List<String> defaults) {
        if (field != null) {
            return asText(props.get(field));
        }
        for (String f : defaults) {
            String v = asText(props.get(f));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String asText(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue()); // numeric DBF fields: 430102001.0 is code 430102001
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }
}
