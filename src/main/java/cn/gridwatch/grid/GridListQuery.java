package cn.gridwatch.grid;

import java.time.LocalDate;
import org.locationtech.jts.geom.Envelope;

/**
 * Filters for listing cells; {@code null} means "any" ({@code date} null means current versions).
 * {@code bbox} is in EPSG:4490, x = longitude, y = latitude; cells whose bounding box intersects it
 * are listed. {@code codePrefix} (null or "" for any) keeps only codes that start with it: an
 * officer's jurisdiction. {@code search} (null for none) is what a person typed into a search box:
 * digits match codes that start with them (short forms too: {@code 432002} finds the county and
 * everything under it), any other text matches names that contain it (Chinese partial names, case
 * insensitive; {@code %} and {@code _} are literal). Results are ordered by code, or with a search by
 * level (coarsest first) and then code. Immutable.
 */
public record GridListQuery(GridLevel level, String parentCode, GridKind kind, LocalDate date,
                            Envelope bbox, int limit, int offset, String codePrefix, String search) {
    /** The longest accepted search text, in characters. */
    public static final int MAX_SEARCH_LENGTH = 100;

    /** A query without a search text. */
    public GridListQuery(GridLevel level, String parentCode, GridKind kind, LocalDate date,
                         Envelope bbox, int limit, int offset, String codePrefix) {
        this(level, parentCode, kind, date, bbox, limit, offset, codePrefix, null);
    }

    public GridListQuery {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be in 1..10000, but was: " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, but was: " + offset);
        }
        if (codePrefix != null && !codePrefix.matches("\\d*")) {
            throw new IllegalArgumentException("code prefix must be digits, but was: '" + codePrefix + "'");
        }
        codePrefix = codePrefix == null || codePrefix.isEmpty() ? null : codePrefix;
        search = search == null || search.isBlank() ? null : search.trim();
        if (search != null && search.length() > MAX_SEARCH_LENGTH) {
            throw new IllegalArgumentException("query parameter 'q' must be at most " + MAX_SEARCH_LENGTH
                    + " characters, but had " + search.length());
        }
    }

    /** True when the search text is all digits: a code or the start of one. */
    public boolean searchesCode() {
        return search != null && search.matches("\\d+");
    }
}
