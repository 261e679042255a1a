package cn.gridwatch.problems;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a problem came to be known, and what {@code problem.origin_id} then points at: a patrol
 * record, a complaint, a meter alert ({@code meter_alert.id}), a station-chief dispatch task
 * ({@code patrol_task.id}), or nothing. Immutable.
 */
public enum ProblemOrigin {
    PATROL("patrol"),
    COMPLAINT("complaint"),
    METER_ALERT("meter_alert"),
    STATION_DISPATCH("station_dispatch"),
    OTHER("other");

    private final String id;

    ProblemOrigin(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming {@code field}, the value and the allowed ids */
    public static ProblemOrigin parse(String field, String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (ProblemOrigin o : values()) {
                if (o.id.equals(t)) {
                    return o;
                }
            }
        }
        throw new IllegalArgumentException("'" + field + "' must be one of "
                + Arrays.stream(values()).map(ProblemOrigin::id).collect(Collectors.joining(", "))
                + ", but was: '" + text + "'");
    }
}
