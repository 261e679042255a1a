package cn.gridwatch.stats;

import cn.gridwatch.grid.GridLevel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often each kind of source must be patrolled, per grid level (DOMAIN.md section 1). The default:
 * <ul>
 *   <li>county: key and complaint targets weekly ({@code key=1/7, complaint=1/7}); other sources are
 *       not county targets;</li>
 *   <li>township: key targets twice a week, the others every half month
 *       ({@code key=2/7, complaint=1/15, other=1/15});</li>
 *   <li>village: every source every 2 days ({@code key=1/2, complaint=1/2, other=1/2});</li>
 *   <li>city: no rule (coverage is not computed for city cells).</li>
 * </ul>
 * The text form, as in {@code GRIDWATCH_PATROL_RULES}, is levels separated by {@code ;}, each
 * {@code level:class=times/days,...}, e.g. {@value #DEFAULT_TEXT}. A level that is not named has no
 * rule. Immutable and thread-safe.
 */
public final class PatrolRules {
    public static final String DEFAULT_TEXT =
            "county:key=1/7,complaint=1/7;township:key=2/7,complaint=1/15,other=1/15;village:key=1/2,complaint=1/2,other=1/2";
    public static final PatrolRules DEFAULT = parse("GRIDWATCH_PATROL_RULES", DEFAULT_TEXT);

    private final Map<GridLevel, Map<TargetClass, Frequency>> rules;

    private PatrolRules(Map<GridLevel, Map<TargetClass, Frequency>> rules) {
        this.rules = rules;
    }

    /**
     * Parses the text form. @param key the setting's name, used in error messages
     * @throws IllegalArgumentException naming the key and the part that is wrong
     */
    public static PatrolRules parse(String key, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(key + " is empty; use e.g. " + DEFAULT_TEXT);
        }
        Map<GridLevel, Map<TargetClass, Frequency>> rules = new EnumMap<>(GridLevel.class);
        for (String levelPart : text.split(";")) {
            String lp = levelPart.trim();
            int colon = lp.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(key + ": '" + lp + "' must look like level:class=times/days,...");
            }
            GridLevel level = level(key, lp.substring(0, colon).trim());
            if (rules.containsKey(level)) {
                throw new IllegalArgumentException(key + ": level " + level.id() + " is given twice");
            }
            Map<TargetClass, Frequency> byClass = new EnumMap<>(TargetClass.class);
            for (String rulePart : lp.substring(colon + 1).split(",")) {
                String rp = rulePart.trim();
                if (rp.isEmpty()) {
                    continue;
                }
                int eq = rp.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException(key + ": '" + rp + "' in level " + level.id()
                            + " must look like class=times/days, e.g. key=2/7");
                }
                TargetClass target = targetClass(key, rp.substring(0, eq).trim());
                if (byClass.put(target, frequency(key, rp.substring(eq + 1).trim())) != null) {
                    throw new IllegalArgumentException(key + ": class " + target.id() + " is given twice in level "
                            + level.id());
                }
            }
            rules.put(level, Collections.unmodifiableMap(byClass));
        }
        return new PatrolRules(Collections.unmodifiableMap(rules));
    }

    /** The frequency that applies to {@code target} at {@code level}, or null when it is not a target there. */
    public Frequency frequency(GridLevel level, TargetClass target) {
        return rules.getOrDefault(level, Map.of()).get(target);
    }

    /** True when {@code level} has any rule. */
    public boolean hasRules(GridLevel level) {
        return !rules.getOrDefault(level, Map.of()).isEmpty();
    }

    /**
     * Patrols each class needs at {@code level} over {@code periodDays} days; classes without a rule,
     * or whose rule needs no patrol in so short a period, are left out (their sources are not targets).
     */
    public Map<TargetClass, Integer> required(GridLevel level, int periodDays) {
        Map<TargetClass, Integer> m = new EnumMap<>(TargetClass.class);
        rules.getOrDefault(level, Map.of()).forEach((target, f) -> {
            int n = f.required(periodDays);
            if (n > 0) {
                m.put(target, n);
            }
        });
        return m;
    }

    /** The rules of one level as {@code class -> "times/days"}, for reports. */
    public Map<String, String> describe(GridLevel level) {
        Map<String, String> m = new LinkedHashMap<>();
        rules.getOrDefault(level, Map.of()).forEach((t, f) -> m.put(t.id(), f.toString()));
        return m;
    }

    private static GridLevel level(String key, String text) {
        try {
            return GridLevel.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private static TargetClass targetClass(String key, String text) {
        try {
            return TargetClass.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private static Frequency frequency(String key, String text) {
        int slash = text.indexOf('/');
        try {
            if (slash < 0) {
                throw new NumberFormatException();
            }
            return new Frequency(Integer.parseInt(text.substring(0, slash).trim()),
                    Integer.parseInt(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": frequency '" + text
                    + "' must be times/days with whole numbers, e.g. 2/7 for twice a week", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        rules.forEach((level, byClass) -> {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(level.id()).append(':');
            StringBuilder parts = new StringBuilder();
            byClass.forEach((t, f) -> parts.append(parts.length() > 0 ? "," : "").append(t.id()).append('=').append(f));
            sb.append(parts);
        });
        return sb.toString();
    }
}
