package dev.tollgate.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HistoryFormatTest {

    private static final Instant AT = Instant.parse("2026-11-24T20:08:05Z");
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void readsInEnglish() {
        HistoryFormat format = new HistoryFormat(ZoneOffset.UTC);

        assertThat(format.day(AT)).isEqualTo("24 Nov 20:08");
        assertThat(format.started(AT)).isEqualTo("Tue 24 Nov 20:08");
        assertThat(HistoryFormat.duration(Duration.ofSeconds(200))).isEqualTo("3 min 20 s");
        assertThat(HistoryFormat.change(Duration.ZERO)).isEqualTo("same");
        assertThat(HistoryFormat.change(Duration.ofSeconds(-40))).isEqualTo("\u221240 s");
    }

    @Test
    void readsInFrenchForAFrenchApprover() {
        Locale.setDefault(Locale.FRENCH);
        HistoryFormat format = new HistoryFormat(ZoneOffset.UTC);

        assertThat(format.day(AT)).isEqualTo("24 nov. 20:08");
        assertThat(format.started(AT)).isEqualTo("mar. 24 nov. 20:08");
        assertThat(HistoryFormat.change(Duration.ZERO)).isEqualTo("identique");
        assertThat(HistoryFormat.duration(Duration.ofHours(30))).isEqualTo("1 j 6 h");
        assertThat(StatusChoice.IN_PROGRESS).hasToString("En cours");
    }
}
