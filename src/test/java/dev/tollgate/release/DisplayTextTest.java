package dev.tollgate.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DisplayTextTest {

    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource({
        "0, 0 bytes",
        "1, 1 byte",
        "1023, 1023 bytes",
        "1024, 1 KB",
        "102401, 100.1 KB",
        "245760, 240 KB",
        "20971520, 20 MB",
        "52428801, 50.1 MB",
        "1073741824, 1 GB",
        "9223372036854775807, 8589934592 GB",
    })
    void formatsSizesRoundingUpSoThatOverALimitNeverReadsAsEqual(long bytes, String text) {
        assertThat(DisplayText.bytes(bytes)).isEqualTo(text);
    }

    @Test
    void quotesEscapingInvisibleAndBidiCharactersAndShorteningLongText() {
        assertThat(DisplayText.quote("a\u0000b\u202Ec")).isEqualTo("'a\\u0000b\\u202Ec'");
        assertThat(DisplayText.quote("x".repeat(100))).isEqualTo("'" + "x".repeat(80) + "…'");
        assertThat(DisplayText.quote("café")).isEqualTo("'café'");
    }
}
