package dev.tollgate.ui.shell;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The calling thread's time on a CPU and time spent runnable but waiting for one, from Linux's
 * {@code /proc/thread-self/schedstat}. It tells a slow frame the FX thread spent working from one it spent
 * queued behind other processes on a busy machine, which the pulse gap alone cannot. Opened on the thread it
 * describes ({@code thread-self} is resolved when opened) and read again in place: no allocation per read but
 * the small parse. Absent on other systems.
 */
final class ThreadSchedule implements AutoCloseable {

    private final FileChannel file;
    private final ByteBuffer buffer = ByteBuffer.allocate(128);
    private long onCpuNanos;
    private long queuedNanos;

    private ThreadSchedule(FileChannel file) {
        this.file = file;
    }

    /** For the calling thread, or empty where /proc/thread-self/schedstat cannot be read. */
    static Optional<ThreadSchedule> ofCurrentThread() {
        try {
            ThreadSchedule schedule = new ThreadSchedule(FileChannel.open(Path.of("/proc/thread-self/schedstat")));
            return schedule.read() ? Optional.of(schedule) : Optional.empty();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Reads the counters again; false when they could not be read (then they keep their last values). */
    boolean read() {
        try {
            buffer.clear();
            int length = file.read(buffer, 0);
            if (length <= 0) {
                return false;
            }
            String[] fields = new String(buffer.array(), 0, length, StandardCharsets.US_ASCII).strip().split(" ");
            onCpuNanos = Long.parseLong(fields[0]);
            queuedNanos = Long.parseLong(fields[1]);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    long onCpuNanos() {
        return onCpuNanos;
    }

    long queuedNanos() {
        return queuedNanos;
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            // Nothing was written; closing a /proc file cannot lose anything.
        }
    }
}
