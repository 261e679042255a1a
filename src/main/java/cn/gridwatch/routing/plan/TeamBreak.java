package cn.gridwatch.routing.plan;

import java.time.LocalTime;
import java.util.Set;
import cn.gridwatch.http.JsonFields;

/**
 * A team's daily break, e.g. lunch: {@code minutes} long, somewhere between {@code from} and
 * {@code to} (local time, every day of the plan). No inspection overlaps it; travel may be
 * interrupted by it. Immutable.
 */
public record TeamBreak(LocalTime from, LocalTime to, int minutes) {
    public TeamBreak {
        if (minutes < 1 || from.toSecondOfDay() + 60L * minutes > to.toSecondOfDay()) {
            throw new IllegalArgumentException("a break of " + minutes + " minutes must fit between " + from + " and "
                    + to);
        }
    }

    /** {@code {"from": "12:00", "to": "13:00", "minutes": 60}} ({@code minutes} defaults to the whole span). */
    static TeamBreak parse(JsonFields o) {
        o.allow(Set.of("from", "to", "minutes"));
        LocalTime from = DailyWindow.time(o.path("from"), o.requiredText("from"));
        LocalTime to = DailyWindow.time(o.path("to"), o.requiredText("to"));
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'" + o.path("from") + "' must be before '" + o.path("to")
                    + "', but they were " + from + " and " + to);
        }
        int span = (to.toSecondOfDay() - from.toSecondOfDay()) / 60;
        int minutes = o.integer("minutes", 1, span, span);
        return new TeamBreak(from, to, minutes);
    }

    /** @throws IllegalArgumentException when the break does not lie inside the working hours {@code hours} */
    void checkInside(DailyWindow hours, String field) {
        if (from.isBefore(hours.start()) || to.isAfter(hours.end())) {
            throw new IllegalArgumentException("'" + field + "' " + this + " must lie inside the working hours "
                    + hours);
        }
    }

    long earliestSecond() {
        return from.toSecondOfDay();
    }

    long latestSecond() {
        return to.toSecondOfDay() - 60L * minutes;
    }

    long seconds() {
        return 60L * minutes;
    }

    @Override
    public String toString() {
        return minutes + " min between " + from + " and " + to;
    }
}
