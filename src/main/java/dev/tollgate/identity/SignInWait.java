package dev.tollgate.identity;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The pauses between polls of a device sign-in, which a Cancel button can cut short at once. One per sign-in
 * attempt; tests substitute pauses that return immediately.
 */
public class SignInWait {

    private final CountDownLatch cancelled = new CountDownLatch(1);

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /**
     * Waits for the given time unless cancelled first.
     *
     * @return false when the wait was cancelled (before or during the pause)
     */
    public boolean pause(Duration duration) {
        try {
            return !cancelled.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
