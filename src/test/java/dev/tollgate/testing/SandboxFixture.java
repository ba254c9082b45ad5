package dev.tollgate.testing;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.aws.EcrImageRegistry;
import dev.tollgate.aws.S3ArtifactSource;
import dev.tollgate.release.ArtifactLimits;
import dev.tollgate.release.ReleaseFinder;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import java.time.Clock;
import java.time.Instant;

/**
 * An in-process sandbox on a manual clock with the app's real SDK clients and gateways pointed at it: what
 * most tests above the domain need. Close it after each test.
 */
public final class SandboxFixture implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-11-24T09:00:00Z");

    public final Sandbox sandbox;
    public final AwsClients clients;
    public final CodePipelineGateway gateway;
    public final ReleaseFinder releases;

    private final boolean ownsSandbox;

    private SandboxFixture(Sandbox sandbox, ConnectionSettings settings, boolean ownsSandbox) {
        this.sandbox = sandbox;
        this.ownsSandbox = ownsSandbox;
        this.clients = new AwsClients(settings);
        this.gateway = new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC());
        this.releases = new ReleaseFinder(gateway, new S3ArtifactSource(clients.s3()), new EcrImageRegistry(clients.ecr()),
                ArtifactLimits.defaults());
    }

    public static SandboxFixture start() {
        return start(SandboxConfig.defaults());
    }

    /** Starts with the given configuration on a manual clock. */
    public static SandboxFixture start(SandboxConfig config) {
        Sandbox sandbox = Sandbox.start(config.withClock(new ManualClock(START)));
        return new SandboxFixture(sandbox, ConnectionSettings.sandbox(sandbox.endpoint()), true);
    }

    /** Another client of the same sandbox, as another person (another access key); closing it keeps the sandbox. */
    public SandboxFixture asAnotherClient(String accessKeyId) {
        return new SandboxFixture(sandbox, ConnectionSettings.sandbox(sandbox.endpoint(), accessKeyId, "another-secret"), false);
    }

    @Override
    public void close() {
        clients.close();
        if (ownsSandbox) {
            sandbox.close();
        }
    }
}
