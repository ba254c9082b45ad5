package dev.tollgate.sandbox;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/**
 * The demo sandbox on a manual clock stopped at {@link #START}, with a real CodePipeline SDK client pointed at
 * it, fresh for each test: what the tests of the sandbox's CodePipeline operations share.
 */
@ExtendWith(QuietLogs.class)
abstract class DemoSandboxTest {

    static final Instant START = Instant.parse("2025-06-02T09:30:00Z");

    ManualClock clock;
    Sandbox sandbox;
    CodePipelineClient client;

    @BeforeEach
    final void startDemoSandbox() {
        clock = new ManualClock(START);
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(clock));
        client = SdkClients.codePipeline(sandbox);
    }

    @AfterEach
    final void stopDemoSandbox() {
        client.close();
        sandbox.close();
    }
}
