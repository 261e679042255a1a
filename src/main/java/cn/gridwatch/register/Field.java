package cn.gridwatch.register;

import java.util.List;

/**
 * One plain column of a register: its name in files and JSON, its database column (from code, never
 * from input), how it is read, whether it is required, the allowed ids (the V4 check constraint) and
 * the value an empty cell takes. Immutable.
 *
 * @param allowed the allowed values, or an empty list for any
 * @param defaultValue the text an absent or empty value stands for, or null
 */
public record Field(String name, String column, FieldType type, boolean required, List<String> allowed,
        String defaultValue) {

    public static Field required(String name, FieldType type) {
        return new Field(name, name, type, true, List.of(), null);
    }

    public static Field optional(String name, FieldType type) {
        return new Field(name, name, type, false, List.of(), null);
    }

    /** A required id from {@code allowed}. */
    public static Field oneOf(String name, String... allowed) {
        return new Field(name, name, FieldType.CODE, true, List.of(allowed), null);
    }

    /** An optional id from {@code allowed} that defaults to {@code dflt}. */
    public static Field oneOfWithDefault(String name, String dflt, String... allowed) {
        return new Field(name, name, FieldType.CODE, false, List.of(allowed), dflt);
    }

    /** The same field stored in another column. */
    public Field inColumn(String dbColumn) {
        return new Field(name, dbColumn, type, required, allowed, defaultValue);
    }
}
