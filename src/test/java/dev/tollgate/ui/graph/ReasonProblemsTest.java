package dev.tollgate.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.StopReason;
import dev.tollgate.pipeline.TransitionReason;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReasonProblemsTest {

    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    /** The words may change with the language; what is accepted never does. */
    @ParameterizedTest
    @ValueSource(strings = {"", "Freeze for CAB-1 review", "Gel: été", "tab\there", "nbsp\u00a0here", "zero\u200bwidth", "ok (really)?"})
    void acceptsExactlyWhatTheApiAccepts(String text) {
        assertThat(ReasonProblems.transition(text).isPresent()).isEqualTo(TransitionReason.problemWith(text).isPresent());
    }

    @Test
    void inEnglishItSaysWhatTransitionReasonSays() {
        for (String text : new String[] {"", "Freeze: CAB-1", "a\tb", "x".repeat(301)}) {
            assertThat(ReasonProblems.transition(text)).isEqualTo(TransitionReason.problemWith(text));
        }
        assertThat(ReasonProblems.stop("x".repeat(201))).isEqualTo(StopReason.problemWith("x".repeat(201)));
    }

    @Test
    void aFrenchApproverIsToldInFrenchWhichCharacterIsRefused() {
        Locale.setDefault(Locale.FRENCH);

        assertThat(ReasonProblems.transition("Gel de fin d'année")).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("« ' » (position 13) : caractère non accepté."));
        assertThat(ReasonProblems.transition("Gel\tCAB")).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("Une tabulation (position 4)"));
        assertThat(ReasonProblems.stop("x".repeat(201))).hasValue("Le motif compte 201 caractères ; CodePipeline en accepte au plus 200.");
    }
}
