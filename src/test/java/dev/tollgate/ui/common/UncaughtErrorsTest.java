package dev.tollgate.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UncaughtErrorsTest {

    @Test
    void tellsTheUserOnceAndOnlyLogsTheRest() {
        List<String> told = new ArrayList<>();
        UncaughtErrors handler = new UncaughtErrors(Runnable::run, told::add);

        handler.uncaughtException(Thread.currentThread(), new IllegalStateException("first"));
        handler.uncaughtException(Thread.currentThread(), new NullPointerException("second"));

        assertThat(told).singleElement().asString()
                .contains("IllegalStateException").contains("carried on").doesNotContain("first");
    }

    @Test
    void aThreadThatThrowsLeavesTheProcessRunning() throws Exception {
        List<String> told = new ArrayList<>();
        Thread worker = new Thread(() -> {
            throw new IllegalArgumentException("boom");
        });
        worker.setUncaughtExceptionHandler(new UncaughtErrors(Runnable::run, told::add));

        worker.start();
        worker.join();

        assertThat(told).hasSize(1);
    }
}
