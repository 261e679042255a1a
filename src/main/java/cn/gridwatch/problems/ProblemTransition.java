package cn.gridwatch.problems;

import java.time.Instant;

/** One recorded status change: from (null for creation), to, when, who, note. Immutable. */
public record ProblemTransition(long id, String from, String to, Instant at, String actor, String note) {
}
