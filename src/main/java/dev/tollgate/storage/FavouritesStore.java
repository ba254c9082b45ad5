package dev.tollgate.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipelines an approver pinned, per connection (two accounts may both have a "payments" pipeline).
 * Loaded once at start-up, off the UI thread; changes are written by the writer executor, coalesced, and
 * replace the file atomically, so a crash leaves the previous list rather than half a file.
 */
public final class FavouritesStore {

    private static final Logger LOG = LoggerFactory.getLogger(FavouritesStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Set<String>> pinned;
    private final CoalescedJsonFile saved;

    private FavouritesStore(Path file, Executor writer, Map<String, Set<String>> pinned) {
        this.file = file;
        this.pinned = pinned;
        this.saved = new CoalescedJsonFile(file, writer, "pinned pipelines", this, pinned);
    }

    /** Reads the file; a missing or unreadable one starts empty (and is logged), never fails start-up. */
    public static FavouritesStore load(Path file, Executor writer) {
        Map<String, Set<String>> pinned = new LinkedHashMap<>();
        try {
            Map<String, Set<String>> read = JSON.readValue(Files.readAllBytes(file),
                    new TypeReference<Map<String, Set<String>>>() { });
            read.forEach((connection, names) -> {
                if (connection != null && names != null) {
                    Set<String> clean = new TreeSet<>();
                    names.stream().filter(name -> name != null && !name.isBlank()).forEach(clean::add);
                    pinned.put(connection, clean);
                }
            });
        } catch (NoSuchFileException missing) {
            // First run.
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read pinned pipelines from {}; starting without them: {}", file, e.getMessage());
        }
        return new FavouritesStore(file, writer, pinned);
    }

    /** A store that forgets on exit, for tests and for a connection that must not leave traces. */
    public static FavouritesStore inMemory() {
        return new FavouritesStore(null, runnable -> { }, new LinkedHashMap<>());
    }

    public synchronized Set<String> pinned(String connection) {
        return Collections.unmodifiableSet(new TreeSet<>(pinned.getOrDefault(connection, Set.of())));
    }

    public void setPinned(String connection, String pipelineName, boolean pin) {
        synchronized (this) {
            Set<String> names = pinned.computeIfAbsent(connection, key -> new TreeSet<>());
            boolean changed = pin ? names.add(pipelineName) : names.remove(pipelineName);
            if (names.isEmpty()) {
                pinned.remove(connection);
            }
            if (!changed) {
                return;
            }
        }
        if (file != null) {
            saved.scheduleWrite();
        }
    }
}
