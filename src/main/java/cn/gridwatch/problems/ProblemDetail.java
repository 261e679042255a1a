package cn.gridwatch.problems;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A problem with every transition it went through, oldest first. Immutable. */
public record ProblemDetail(@JsonUnwrapped Problem problem, List<ProblemTransition> transitions) {
    public ProblemDetail {
        transitions = List.copyOf(transitions);
    }
}
