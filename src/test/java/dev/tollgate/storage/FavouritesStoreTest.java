package dev.tollgate.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FavouritesStoreTest {

    @TempDir
    Path directory;

    @Test
    void keepsPinnedPipelinesPerConnectionAcrossLoads() {
        Path file = directory.resolve("favourites.json");
        FavouritesStore store = FavouritesStore.load(file, Runnable::run);

        store.setPinned("prod · eu-west-1", "payments", true);
        store.setPinned("Sandbox", "payments", true);
        store.setPinned("Sandbox", "payments", false);

        FavouritesStore again = FavouritesStore.load(file, Runnable::run);
        assertThat(again.pinned("prod · eu-west-1")).containsExactly("payments");
        assertThat(again.pinned("Sandbox")).isEmpty();
    }

    @Test
    void aDamagedFileStartsEmptyInsteadOfFailing() throws Exception {
        Path file = directory.resolve("favourites.json");
        Files.writeString(file, "{\"Sandbox\": [\"a\", ");

        assertThat(FavouritesStore.load(file, Runnable::run).pinned("Sandbox")).isEmpty();
    }

    @Test
    void writesOnlyWhenSomethingChangedAndCoalescesWrites() {
        List<Runnable> writes = new ArrayList<>();
        FavouritesStore store = FavouritesStore.load(directory.resolve("favourites.json"), writes::add);

        store.setPinned("Sandbox", "a", true);
        store.setPinned("Sandbox", "b", true);
        store.setPinned("Sandbox", "a", true);

        assertThat(writes).hasSize(1);
        writes.get(0).run();
        assertThat(FavouritesStore.load(directory.resolve("favourites.json"), Runnable::run).pinned("Sandbox"))
                .containsExactly("a", "b");
    }

    @Test
    void anInMemoryStoreWritesNothing() {
        FavouritesStore store = FavouritesStore.inMemory();
        store.setPinned("Sandbox", "a", true);
        assertThat(store.pinned("Sandbox")).containsExactly("a");
        assertThat(directory.toFile().list()).isEmpty();
    }
}
