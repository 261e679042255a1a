package cn.gridwatch.grid;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a grid cell is: part of the administrative partition, an industrial park, or a "key grid"
 * (重点网格). Only {@link #ADMIN} cells must tile their parent without gaps or overlaps; parks and
 * key grids are overlays. Immutable and thread-safe.
 */
public enum GridKind {
    ADMIN("admin"),
    PARK("park"),
    KEY("key");

    private final String id;

    GridKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public static GridKind parse(String text) {
        if (text == null || text.isBlank()) {
            return ADMIN;
        }
        for (GridKind k : values()) {
            if (k.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown grid kind '" + text + "'; use one of admin, park, key");
    }
}
