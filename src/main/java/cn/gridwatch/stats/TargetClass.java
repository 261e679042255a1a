package cn.gridwatch.stats;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What kind of patrol target an active pollution source is in a period, for the patrol frequency
 * rules ({@link PatrolRules}). Each source has exactly one class, the first that applies:
 * <ol>
 *   <li>{@code key}: inspection class {@code special} or {@code key};</li>
 *   <li>{@code complaint}: a general source named by a complaint received in the period;</li>
 *   <li>{@code other}: every other active source.</li>
 * </ol>
 * Immutable and thread-safe.
 */
public enum TargetClass {
    KEY("key"),
    COMPLAINT("complaint"),
    OTHER("other");

    private final String id;

    TargetClass(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the value and the allowed ids */
    public static TargetClass parse(String text) {
        for (TargetClass t : values()) {
            if (t.id.equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown patrol target class '" + text + "'; use key, complaint or other");
    }
}
