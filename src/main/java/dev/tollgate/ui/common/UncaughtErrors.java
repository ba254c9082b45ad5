package dev.tollgate.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence: an exception nobody caught is logged with its stack trace, the user is told once
 * in a calm dialog (later ones only go to the log), and the app keeps running.
 */
public final class UncaughtErrors implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrors.class);

    private final Executor uiThread;
    private final Consumer<String> tellUser;
    private final AtomicBoolean told = new AtomicBoolean();

    /** @param tellUser shows the message; called on the UI thread, at most once */
    public UncaughtErrors(Executor uiThread, Consumer<String> tellUser) {
        this.uiThread = uiThread;
        this.tellUser = tellUser;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Unexpected error on thread {}", thread.getName(), error);
        if (told.compareAndSet(false, true)) {
            String message = Texts.get("common.uncaught", error.getClass().getSimpleName());
            uiThread.execute(() -> tellUser.accept(message));
        }
    }
}
