package dev.tollgate.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArtifactLimitsTest {

    @Test
    void defaultsToTheDocumentedLimits() {
        ArtifactLimits limits = ArtifactLimits.defaults();

        assertThat(limits.maxArchiveBytes()).isEqualTo(20 * 1024 * 1024);
        assertThat(limits.maxEntries()).isEqualTo(10_000);
        assertThat(limits.maxDefinitionsBytes()).isEqualTo(100 * 1024);
        assertThat(limits.maxTotalUncompressedBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(limits.maxCompressionRatio()).isEqualTo(100);
        assertThat(limits.ratioFloorBytes()).isEqualTo(1024 * 1024);
        assertThat(limits.maxJsonDepth()).isEqualTo(32);
    }

    @Test
    void changesOneLimitAtATime() {
        ArtifactLimits limits = ArtifactLimits.defaults().withMaxEntries(5);

        assertThat(limits.maxEntries()).isEqualTo(5);
        assertThat(limits.withMaxEntries(10_000)).isEqualTo(ArtifactLimits.defaults());
    }

    @Test
    void rejectsLimitsThatCannotWork() {
        assertThatThrownBy(() -> ArtifactLimits.defaults().withMaxDefinitionsBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxDefinitionsBytes must be positive: 0");
        assertThatThrownBy(() -> ArtifactLimits.defaults().withMaxArchiveBytes(Integer.MAX_VALUE))
                .hasMessageStartingWith("maxArchiveBytes must fit in an array");
        assertThatThrownBy(() -> ArtifactLimits.defaults().withMaxJsonDepth(5000))
                .hasMessageStartingWith("maxJsonDepth above 1000");
    }
}
