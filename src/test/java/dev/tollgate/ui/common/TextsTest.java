package dev.tollgate.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("%[sd]");
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/dev/tollgate/ui/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyEnglishTextHasAFrenchOneWithTheSamePlaceholders() throws IOException {
        Properties english = bundle("messages.properties");
        Properties french = bundle("messages_fr.properties");

        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(french.getProperty(key))).as(key).isEqualTo(placeholders(english.getProperty(key)));
            // Texts formats with String.format: a MessageFormat {0} would show as is.
            assertThat(english.getProperty(key) + french.getProperty(key)).as(key).doesNotContainPattern("\\{\\d+}");
        }
    }

    private static String placeholders(String text) {
        StringBuilder found = new StringBuilder();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.append(matcher.group());
        }
        return found.toString();
    }

    @Test
    void speaksFrenchWhenTheLocaleIsFrench() {
        Locale.setDefault(Locale.FRENCH);

        assertThat(Texts.get("review.approve")).isEqualTo("Approuver");
        assertThat(StatusLook.label(Status.fromWire("Succeeded"))).isEqualTo("Réussi");
        assertThat(StatusLook.label(Status.fromWire("Paused"))).isEqualTo("Inconnu (Paused)");
        assertThat(Durations.format(Duration.ofHours(50))).isEqualTo("2 j 2 h");
    }

    @Test
    void numbersDatesAndProblemsFollowTheLanguage() {
        java.time.Instant at = java.time.Instant.parse("2026-11-24T20:08:00Z");
        assertThat(Texts.number(12345)).isEqualTo("12,345");
        assertThat(Texts.dates("d MMM HH:mm", java.time.ZoneOffset.UTC).format(at)).isEqualTo("24 Nov 20:08");
        assertThat(Texts.problemOf(new IllegalStateException("boom"))).isEqualTo("Unexpected IllegalStateException: boom");

        Locale.setDefault(Locale.FRENCH);

        assertThat(Texts.number(12345)).matches("12\\h345");
        assertThat(Texts.dates("d MMM HH:mm", java.time.ZoneOffset.UTC).format(at)).isEqualTo("24 nov. 20:08");
        assertThat(Texts.problemOf(new IllegalStateException())).isEqualTo("Erreur inattendue IllegalStateException");
        assertThat(Texts.problemOf(new dev.tollgate.pipeline.GatewayException(
                dev.tollgate.pipeline.GatewayException.Problem.THROTTLED, "AWS says slow down", null)))
                .isEqualTo("AWS says slow down");
    }

    @Test
    void fallsBackToEnglishForOtherLanguagesAndShowsAMissingKeyAsItself() {
        Locale.setDefault(Locale.JAPANESE);

        assertThat(Texts.get("review.approve")).isEqualTo("Approve");
        assertThat(Durations.format(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(Texts.get("no.such.key")).isEqualTo("no.such.key");
    }
}
