package dev.tollgate.ui.review;

import dev.tollgate.release.ExecutionImages;
import dev.tollgate.release.ReleaseFinder;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Inspects an {@code imagedefinitions.json} or {@code imageDetail.json} file from disk, offline from any
 * pipeline: the same parsing, limits and ECR lookups as a review.
 */
public final class LocalReleaseViewModel {

    /** The same cap as a definitions file inside an artifact; a bigger file is refused before it is read. */
    static final int MAX_FILE_BYTES = 100 * 1024;

    private final Supplier<ReleaseFinder> releases;
    private final BackgroundTasks tasks;
    private final ReadOnlyObjectWrapper<ExecutionImages> images = new ReadOnlyObjectWrapper<>(this, "images");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    /**
     * @param releases looks the images up in ECR with the credentials of the connection on screen, which may
     *                 change between two files
     */
    public LocalReleaseViewModel(Supplier<ReleaseFinder> releases, BackgroundTasks tasks) {
        this.releases = releases;
        this.tasks = tasks;
    }

    public void open(Path file) {
        loading.set(true);
        images.set(null);
        tasks.submit(() -> read(file))
                .onSuccess(found -> {
                    loading.set(false);
                    images.set(found);
                })
                .onFailure(error -> {
                    loading.set(false);
                    images.set(ExecutionImages.failed(file.getFileName().toString(), "local file", Optional.empty(),
                            Texts.get("local.couldNotRead", file.getFileName(), error.getMessage())));
                });
    }

    private ExecutionImages read(Path file) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            return ExecutionImages.failed(name, "local file", Optional.empty(),
                    Texts.get("local.tooLarge", name, Texts.number(size / 1024), MAX_FILE_BYTES / 1024));
        }
        try (InputStream in = Files.newInputStream(file)) {
            // Read one byte past the cap in case the file grew since Files.size.
            byte[] content = in.readNBytes(MAX_FILE_BYTES + 1);
            if (content.length > MAX_FILE_BYTES) {
                return ExecutionImages.failed(name, "local file", Optional.empty(),
                        Texts.get("local.overLimit", name, MAX_FILE_BYTES / 1024));
            }
            return releases.get().imagesOfFile(name, content);
        }
    }

    public ReadOnlyObjectProperty<ExecutionImages> imagesProperty() {
        return images.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
