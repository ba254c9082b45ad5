package dev.tollgate.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.aws.EcrImageRegistry;
import dev.tollgate.aws.S3ArtifactSource;
import dev.tollgate.release.ArtifactLimits;
import dev.tollgate.release.ExecutionImages;
import dev.tollgate.release.ReleaseFinder;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.ui.common.BackgroundTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalReleaseViewModelTest {

    @TempDir
    Path folder;

    private Sandbox sandbox;
    private AwsClients clients;
    private LocalReleaseViewModel viewModel;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults());
        clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()));
        ReleaseFinder releases = new ReleaseFinder(new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC()),
                new S3ArtifactSource(clients.s3()), new EcrImageRegistry(clients.ecr()), ArtifactLimits.defaults());
        viewModel = new LocalReleaseViewModel(releases, new BackgroundTasks(Runnable::run, Runnable::run));
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

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
}
