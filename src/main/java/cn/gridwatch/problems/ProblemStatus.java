package cn.gridwatch.problems;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a problem stands. {@code found → assigned → rectifying → verified → closed} is the normal
 * path; {@code closed_unfixed} ends a problem without a fix (a reason is required). The allowed
 * moves are in {@link ProblemLifecycle}. Immutable and thread-safe.
 */
public enum ProblemStatus {
    FOUND("found"),
    ASSIGNED("assigned"),
    RECTIFYING("rectifying"),
    VERIFIED("verified"),
    CLOSED("closed"),
    CLOSED_UNFIXED("closed_unfixed");

    private final String id;

    ProblemStatus(String id) {
        this.id = id;
    }

    /** The id stored in {@code problem.status} and used in the API, e.g. {@code "closed_unfixed"}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** True for {@code closed} and {@code closed_unfixed}: the problem is finished and never overdue. */
    public boolean isClosed() {
        return this == CLOSED || this == CLOSED_UNFIXED;
    }

    /** @throws IllegalArgumentException naming {@code field}, the value and the allowed ids */
    public static ProblemStatus parse(String field, String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (ProblemStatus s : values()) {
                if (s.id.equals(t)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("'" + field + "' must be one of " + ids() + ", but was: '" + text + "'");
    }

    public static String ids() {
        return Arrays.stream(values()).map(ProblemStatus::id).collect(Collectors.joining(", "));
    }
}
