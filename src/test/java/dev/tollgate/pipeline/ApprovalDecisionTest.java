package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApprovalDecisionTest {

    @Test
    void acceptsACommentOfExactly512Characters() {
        assertThat(ApprovalDecision.problemWith("x".repeat(512))).isEmpty();
        assertThat(new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "x".repeat(512)).comment()).hasSize(512);
    }

    @Test
    void rejectsACommentLongerThan512CharactersWithItsLength() {
        assertThat(ApprovalDecision.problemWith("x".repeat(513)))
                .hasValue("The comment is 513 characters; CodePipeline accepts at most 512.");
        assertThatThrownBy(() -> new ApprovalDecision(ApprovalDecision.Verdict.REJECT, "x".repeat(600)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyCommentIsAllowed() {
        assertThat(new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, null).comment()).isEmpty();
    }
}
