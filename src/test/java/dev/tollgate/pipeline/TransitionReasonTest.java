package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The reason rules of DisableStageTransition, checked before anything is sent. */
class TransitionReasonTest {

    /** The DisabledReason pattern, copied from the CodePipeline service model. */
    private static final Pattern API_PATTERN = Pattern.compile("[a-zA-Z0-9!@ \\(\\)\\.\\*\\?\\-]+");

    @Test
    void acceptsEveryAllowedCharacter() {
        assertThat(TransitionReason.problemWith("Change freeze (CAB-2291) until Monday! Ask @dana? v1.2 *")).isEmpty();
    }

    @Test
    void acceptsOneCharacterAndThreeHundred() {
        assertThat(TransitionReason.problemWith("x")).isEmpty();
        assertThat(TransitionReason.problemWith("a".repeat(300))).isEmpty();
    }

    @Test
    void rejectsAnEmptyReason() {
        assertThat(TransitionReason.problemWith("")).hasValueSatisfying(p -> assertThat(p).contains("1 to 300"));
        assertThat(TransitionReason.problemWith(null)).isPresent();
    }

    @Test
    void rejectsReasonLongerThan300Characters() {
        assertThat(TransitionReason.problemWith("a".repeat(301)))
                .hasValue("The reason is 301 characters long; CodePipeline accepts at most 300.");
    }

    @Test
    void pointsOutTheFirstInvalidCharacterAndItsPosition() {
        assertThat(TransitionReason.problemWith("Freeze: CAB-1, CAB-2"))
                .hasValueSatisfying(p -> assertThat(p).startsWith("\u201c:\u201d at position 7 is not allowed."));
    }

    @Test
    void namesInvisibleCharacters() {
        assertThat(TransitionReason.problemWith("Freeze\tnow")).hasValueSatisfying(p -> assertThat(p).startsWith("A tab at position 7"));
        assertThat(TransitionReason.problemWith("Freeze\nnow")).hasValueSatisfying(p -> assertThat(p).startsWith("A line break at position 7"));
        assertThat(TransitionReason.problemWith("a\u200bb")).hasValueSatisfying(p -> assertThat(p).startsWith("The invisible character U+200B at position 2"));
    }

    @Test
    void countsAnEmojiAsOneCharacterWhenPointingAtIt() {
        assertThat(TransitionReason.problemWith("ok \uD83D\uDE80 go"))
                .hasValueSatisfying(p -> assertThat(p).startsWith("\u201c\uD83D\uDE80\u201d at position 4"));
    }

    @Test
    void rejectsAccentedLettersLikeTheApi() {
        assertThat(TransitionReason.problemWith("Gel\u00f6st")).hasValueSatisfying(p -> assertThat(p).contains("position 4"));
    }

    @Test
    void agreesWithTheApiPatternOnEveryAsciiCharacter() {
        for (char c = 0; c < 128; c++) {
            String text = "a" + c;
            assertThat(TransitionReason.problemWith(text).isEmpty())
                    .as("character %d", (int) c)
                    .isEqualTo(API_PATTERN.matcher(text).matches());
        }
    }

    @Test
    void cannotBeBuiltInvalid() {
        assertThatThrownBy(() -> new TransitionReason("no_underscores")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 3");
    }

    @Test
    void stopReasonsAreOptionalAndAtMost200Characters() {
        assertThat(StopReason.problemWith("")).isEmpty();
        assertThat(StopReason.problemWith("Wrong branch, see #123: rolled back")).isEmpty();
        assertThat(StopReason.problemWith("a".repeat(201))).hasValueSatisfying(p -> assertThat(p).contains("at most 200"));
        assertThat(new StopReason(null).isEmpty()).isTrue();
    }
}
