package dev.tollgate.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small JSON file that follows a store's state: writes run on the writer executor, at most one waits at a
 * time and takes whatever the state is when it runs (a burst of typing costs one write), and the file is
 * replaced atomically, so a crash leaves the previous version rather than half a file.
 */
final class CoalescedJsonFile {

    private static final Logger LOG = LoggerFactory.getLogger(CoalescedJsonFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Executor writer;
    private final String what;
    private final Object lock;
    private final Object state;
    private final AtomicBoolean writeScheduled = new AtomicBoolean();

    /**
     * @param what  what the file holds, for the log ("drafts")
     * @param lock  the store's monitor, held while the state is serialised
     * @param state the object written, read under {@code lock}
     */
    CoalescedJsonFile(Path file, Executor writer, String what, Object lock, Object state) {
        this.file = file;
        this.writer = writer;
        this.what = what;
        this.lock = lock;
        this.state = state;
    }

    /** Asks for a write of the current state, unless one is already waiting. */
    void scheduleWrite() {
        if (writeScheduled.compareAndSet(false, true)) {
            writer.execute(this::writeNow);
        }
    }

    private void writeNow() {
        writeScheduled.set(false);
        byte[] content;
        synchronized (lock) {
            try {
                content = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
            } catch (IOException e) {
                LOG.error("Could not serialise {}", what, e);
                return;
            }
        }
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            LOG.warn("Could not save {} to {}: {}", what, file, e.getMessage());
        }
    }
}
