package dev.tollgate.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.release.ExecutionImages;
import dev.tollgate.testing.SandboxFixture;
import dev.tollgate.ui.common.BackgroundTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalReleaseViewModelTest {

    @TempDir
    Path folder;

    private SandboxFixture aws;
    private LocalReleaseViewModel viewModel;

    @BeforeEach
    void start() {
        aws = SandboxFixture.start();
        viewModel = new LocalReleaseViewModel(() -> aws.releases, new BackgroundTasks(Runnable::run, Runnable::run));
    }

    @AfterEach
    void stop() {
        aws.close();
        Locale.setDefault(before);
    }

    private final Locale before = Locale.getDefault();

    @Test
    void readsEveryContainerOfALocalImagedefinitionsFile() throws Exception {
        Path file = folder.resolve("imagedefinitions.json");
        Files.writeString(file, "[{\"name\":\"web\",\"imageUri\":\"ghcr.io/acme/web:1.4.2\"},"
                + "{\"name\":\"worker\",\"imageUri\":\"registry.local:5000/team/worker@sha256:" + "a".repeat(64) + "\"}]");

        viewModel.open(file);

        ExecutionImages images = viewModel.imagesProperty().get();
        assertThat(images.problem()).isEmpty();
        assertThat(images.images()).extracting(lookup -> lookup.image().image().repository())
                .containsExactly("acme/web", "team/worker");
        assertThat(viewModel.loadingProperty().get()).isFalse();
    }

    @Test
    void saysWhatIsWrongWithAnInvalidFile() throws Exception {
        Path file = folder.resolve("imagedefinitions.json");
        Files.writeString(file, "{\"not\": \"an array\"}");

        viewModel.open(file);

        assertThat(viewModel.imagesProperty().get().problem()).get().asString().isNotBlank();
        assertThat(viewModel.imagesProperty().get().images()).isEmpty();
    }

    @Test
    void refusesAFileOverTheLimitWithoutReadingIt() throws Exception {
        Path file = folder.resolve("imagedefinitions.json");
        Files.write(file, new byte[LocalReleaseViewModel.MAX_FILE_BYTES + 1]);

        viewModel.open(file);

        assertThat(viewModel.imagesProperty().get().problem()).get().asString().contains("over the 100 KB");
    }

    @Test
    void aMissingFileIsAClearProblem() {
        viewModel.open(folder.resolve("nowhere.json"));

        assertThat(viewModel.imagesProperty().get().problem()).get().asString().startsWith("Could not read nowhere.json");
    }

    @Test
    void saysItInFrenchToAFrenchApprover() throws Exception {
        Locale.setDefault(Locale.FRENCH);
        Path file = folder.resolve("imagedefinitions.json");
        Files.write(file, new byte[LocalReleaseViewModel.MAX_FILE_BYTES * 3]);

        viewModel.open(file);

        assertThat(viewModel.imagesProperty().get().problem()).get().asString()
                .isEqualTo("imagedefinitions.json fait 300 Ko, au-delà des 100 Ko que Tollgate lit.");
    }
}
