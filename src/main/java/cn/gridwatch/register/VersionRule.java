package cn.gridwatch.register;

import java.util.function.BiPredicate;

/**
 * How a versioned register (rows with {@code valid_from}/{@code valid_to}) takes a change: when
 * {@code newVersion} says the change is a new state of the thing (a station moved or retired, a new
 * person on a duty), the current row is closed at the incoming {@code valid_from} and a new row
 * opened; any other change corrects the current row in place. Immutable.
 *
 * @param newVersion (current, incoming) to true when the change opens a new version
 */
public record VersionRule(BiPredicate<RegisterRecord, RegisterRecord> newVersion) {
}
