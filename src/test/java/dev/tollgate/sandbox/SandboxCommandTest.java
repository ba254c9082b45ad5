package dev.tollgate.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(QuietLogs.class)
class SandboxCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final SandboxCommand command = new SandboxCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void announcesTheEndpointOnStartup() {
        int code = command.execute(new String[]{"sandbox", "--port", "0", "--speed", "120", "--seed", "9"}, false);

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("(?m)^Tollgate sandbox listening on http://127\\.0\\.0\\.1:\\d+$");
    }

    @Test
    void aBusyPortIsAClearMessageAndExitCodeTwo() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = command.execute(new String[]{"--port", String.valueOf(busy.getLocalPort())}, false);

            assertThat(code).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("Port " + busy.getLocalPort() + " on 127.0.0.1 is already in use")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void badArgumentsPrintUsageAndExitWithTwo() {
        assertThat(command.execute(new String[]{"--port", "seventy"}, false)).isEqualTo(2);
        assertThat(command.execute(new String[]{"--speed", "-3"}, false)).isEqualTo(2);
        assertThat(command.execute(new String[]{"--pipelines"}, false)).isEqualTo(2);
        assertThat(command.execute(new String[]{"--colour", "blue"}, false)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--port needs a whole number, got 'seventy'")
                .contains("--speed must be a positive number")
                .contains("missing value for --pipelines")
                .contains("unknown option --colour")
                .contains("Usage: tollgate sandbox");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
