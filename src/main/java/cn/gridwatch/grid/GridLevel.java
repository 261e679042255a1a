package cn.gridwatch.grid;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The four levels of the supervision grid, coarsest first. The rank is 1 for a city and 4 for a
 * village; it is what the database stores. Immutable and thread-safe.
 */
public enum GridLevel {
    CITY(1, "city", "市"),
    COUNTY(2, "county", "县/区"),
    TOWNSHIP(3, "township", "乡镇/街道"),
    VILLAGE(4, "village", "村/社区");

    private final int rank;
    private final String id;
    private final String chinese;

    GridLevel(int rank, String id, String chinese) {
        this.rank = rank;
        this.id = id;
        this.chinese = chinese;
    }

    /** 1 (city) to 4 (village). */
    public int rank() {
        return rank;
    }

    /** Lower-case identifier used in APIs and the command line, e.g. {@code "township"}. */
    @JsonValue
    public String id() {
        return id;
    }

    public String chinese() {
        return chinese;
    }

    public static GridLevel ofRank(int rank) {
        for (GridLevel l : values()) {
            if (l.rank == rank) {
                return l;
            }
        }
        throw new IllegalArgumentException("grid level rank must be 1..4, but was: " + rank);
    }

    /** Parses {@code city|county|township|village} (also the ranks 1..4 and common synonyms). */
    public static GridLevel parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("grid level is missing; use one of city, county, township, village");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "1": case "city": case "prefecture": case "市":
                return CITY;
            case "2": case "county": case "district": case "县": case "区":
                return COUNTY;
            case "3": case "township": case "town": case "street": case "乡镇": case "街道":
                return TOWNSHIP;
            case "4": case "village": case "community": case "村": case "社区":
                return VILLAGE;
            default:
                throw new IllegalArgumentException(
                        "unknown grid level '" + text + "'; use one of city, county, township, village");
        }
    }
}
