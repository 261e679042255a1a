package cn.gridwatch.problems;

import java.time.Instant;

/**
 * One requested status change of a problem. Immutable.
 *
 * @param to       the status to move to
 * @param expected the status the caller believes the problem has (optional): when given and the
 *                 problem has moved on meanwhile, the change is refused (409) instead of applied
 *                 to a state the caller has not seen
 * @param note     free text kept with the transition
 * @param assignee who is responsible (needed to enter {@code assigned} when the problem has nobody)
 * @param reason   why it is closed without a fix (needed for {@code closed_unfixed})
 * @param deadline a new deadline (optional)
 */
public record TransitionRequest(ProblemStatus to, ProblemStatus expected, String note, String assignee,
        String reason, Instant deadline) {

    public TransitionRequest {
        if (to == null) {
            throw new IllegalArgumentException("field 'to' is required; use one of " + ProblemStatus.ids());
        }
        if (note != null && note.length() > 4000) {
            throw new IllegalArgumentException("field 'note' may have at most 4000 characters, but has " + note.length());
        }
    }
}
