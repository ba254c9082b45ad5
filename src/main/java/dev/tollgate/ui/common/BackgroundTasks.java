package dev.tollgate.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs blocking work off the JavaFX thread and hands its outcome back to it. The only place view models
 * start background work; tests pass same-thread executors and so run synchronously without JavaFX.
 */
public final class BackgroundTasks {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private final Executor worker;
    private final Executor uiThread;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);

    public BackgroundTasks(Executor worker, Executor uiThread) {
        this.worker = Objects.requireNonNull(worker);
        this.uiThread = Objects.requireNonNull(uiThread);
    }

    /** Starts the work now; attach handlers to the returned job, they run on the UI thread. */
    public <T> Job<T> submit(Callable<T> work) {
        running.set(running.get() + 1);
        CompletableFuture<T> future = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                future.complete(work.call());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        });
        future.whenCompleteAsync((value, error) -> running.set(running.get() - 1), uiThread);
        return new Job<>(future, uiThread);
    }

    /** How many jobs have not finished yet: drives the window's busy indicator. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** A submitted piece of work. */
    public static final class Job<T> {
        private final CompletableFuture<T> future;
        private final Executor uiThread;

        private Job(CompletableFuture<T> future, Executor uiThread) {
            this.future = future;
            this.uiThread = uiThread;
        }

        public Job<T> onSuccess(Consumer<? super T> handler) {
            future.thenAcceptAsync(value -> guarded(() -> handler.accept(value)), uiThread);
            return this;
        }

        public Job<T> onFailure(Consumer<? super Throwable> handler) {
            future.whenCompleteAsync((value, error) -> {
                if (error != null) {
                    guarded(() -> handler.accept(unwrap(error)));
                }
            }, uiThread);
            return this;
        }

        private static void guarded(Runnable handler) {
            try {
                handler.run();
            } catch (RuntimeException e) {
                LOG.error("A background task's handler failed", e);
            }
        }

        private static Throwable unwrap(Throwable error) {
            Throwable cause = error;
            while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        }
    }
}
