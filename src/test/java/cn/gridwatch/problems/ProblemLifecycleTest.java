package cn.gridwatch.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridwatch.security.ConflictException;
import org.junit.jupiter.api.Test;

class ProblemLifecycleTest {

    @Test
    void the_normal_path_is_allowed_step_by_step() {
        assertThatCode(() -> {
            ProblemLifecycle.check(ProblemStatus.FOUND, ProblemStatus.ASSIGNED, "张三", null);
            ProblemLifecycle.check(ProblemStatus.ASSIGNED, ProblemStatus.RECTIFYING, "张三", null);
            ProblemLifecycle.check(ProblemStatus.RECTIFYING, ProblemStatus.VERIFIED, "张三", null);
            ProblemLifecycle.check(ProblemStatus.VERIFIED, ProblemStatus.CLOSED, "张三", null);
        }).doesNotThrowAnyException();
    }

    @Test
    void skipping_a_step_is_a_conflict_naming_from_to_and_the_allowed_statuses() {
        assertThatThrownBy(() -> ProblemLifecycle.check(ProblemStatus.FOUND, ProblemStatus.VERIFIED, "x", null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("from 'found' to 'verified'")
                .hasMessageContaining("assigned, closed_unfixed");
    }

    @Test
    void a_closed_problem_can_only_be_reopened_to_assigned() {
        for (ProblemStatus to : ProblemStatus.values()) {
            if (to == ProblemStatus.ASSIGNED) {
                continue;
            }
            assertThatThrownBy(() -> ProblemLifecycle.check(ProblemStatus.CLOSED, to, "x", "r"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("can only be reopened");
        }
        assertThat(ProblemLifecycle.isReopen(ProblemStatus.CLOSED, ProblemStatus.ASSIGNED)).isTrue();
        assertThat(ProblemLifecycle.isReopen(ProblemStatus.CLOSED_UNFIXED, ProblemStatus.ASSIGNED)).isTrue();
        assertThat(ProblemLifecycle.isReopen(ProblemStatus.VERIFIED, ProblemStatus.ASSIGNED)).isTrue();
        assertThat(ProblemLifecycle.isReopen(ProblemStatus.RECTIFYING, ProblemStatus.ASSIGNED)).isFalse();
    }

    @Test
    void closing_without_fix_needs_a_reason() {
        assertThatThrownBy(() -> ProblemLifecycle.check(ProblemStatus.ASSIGNED, ProblemStatus.CLOSED_UNFIXED, "x", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'reason'");
        assertThatCode(() -> ProblemLifecycle.check(ProblemStatus.FOUND, ProblemStatus.CLOSED_UNFIXED, null,
                "企业已关停")).doesNotThrowAnyException();
    }

    @Test
    void assigning_needs_an_assignee() {
        assertThatThrownBy(() -> ProblemLifecycle.check(ProblemStatus.FOUND, ProblemStatus.ASSIGNED, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'assignee'");
    }

    @Test
    void no_status_may_move_to_itself_or_back_to_found() {
        for (ProblemStatus s : ProblemStatus.values()) {
            assertThat(ProblemLifecycle.allowedFrom(s)).doesNotContain(s, ProblemStatus.FOUND);
        }
    }
}
