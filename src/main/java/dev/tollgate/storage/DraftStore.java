package dev.tollgate.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draft approval comments, kept until the decision is recorded so that nothing a reviewer typed is lost to a
 * failure, an expired sign-in or a restart. Reads are from memory (loaded once at start-up, off the UI
 * thread); writes go to the writer executor, coalesced, and replace the file atomically.
 */
public final class DraftStore {

    private static final Logger LOG = LoggerFactory.getLogger(DraftStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> drafts;
    private final CoalescedJsonFile saved;

    private DraftStore(Path file, Executor writer, Map<String, String> drafts) {
        this.drafts = drafts;
        this.saved = new CoalescedJsonFile(file, writer, "drafts", this, drafts);
    }

    /** Loads the drafts file; a missing or unreadable file starts empty (and is logged), never fails start-up. */
    public static DraftStore load(Path file, Executor writer) {
        Map<String, String> drafts = new LinkedHashMap<>();
        try {
            drafts.putAll(JSON.readValue(Files.readAllBytes(file), new TypeReference<Map<String, String>>() { }));
        } catch (NoSuchFileException missing) {
            // First run.
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read drafts from {}; starting without them: {}", file, e.getMessage());
        }
        return new DraftStore(file, writer, drafts);
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(drafts.get(key));
    }

    /** Keeps the text as the draft for the key; blank text removes the draft. */
    public void put(String key, String text) {
        synchronized (this) {
            if (text == null || text.isBlank()) {
                if (drafts.remove(key) == null) {
                    return;
                }
            } else if (text.equals(drafts.put(key, text))) {
                return;
            }
        }
        saved.scheduleWrite();
    }

    public void remove(String key) {
        put(key, null);
    }
}
