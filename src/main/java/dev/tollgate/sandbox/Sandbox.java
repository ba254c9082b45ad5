package dev.tollgate.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.sandbox.codepipeline.CodePipelineApi;
import dev.tollgate.sandbox.demo.DemoScenario;
import dev.tollgate.sandbox.ecr.EcrApi;
import dev.tollgate.sandbox.ecr.ImageRegistry;
import dev.tollgate.sandbox.engine.PipelineEngine;
import dev.tollgate.sandbox.fault.FaultInjector;
import dev.tollgate.sandbox.http.AwsJsonService;
import dev.tollgate.sandbox.http.ControlEndpoint;
import dev.tollgate.sandbox.http.FrontDoor;
import dev.tollgate.sandbox.http.Json;
import dev.tollgate.sandbox.http.SandboxHttpServer;
import dev.tollgate.sandbox.identity.IdentityCenter;
import dev.tollgate.sandbox.identity.IdentityRoutes;
import dev.tollgate.sandbox.model.ServiceModel;
import dev.tollgate.sandbox.s3.ObjectStore;
import dev.tollgate.sandbox.s3.S3Endpoint;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A local, AWS-compatible endpoint (CodePipeline, ECR, S3 and a control API on one 127.0.0.1 port) backed
 * by a deterministic pipeline simulation. Point an unmodified AWS SDK client at {@link #endpoint()}.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults())) {
 *     CodePipelineClient client = CodePipelineClient.builder().endpointOverride(sandbox.endpoint())...;
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

    public static final String ACCOUNT_ID = "123456789012";
    public static final String REGION = "us-east-1";
    public static final String ARTIFACT_BUCKET = "codepipeline-us-east-1-123456789012";

    private final SandboxHttpServer server;
    private final SandboxClock clock;
    private final SandboxControl control;
    private final IdentityCenter identity;

    private Sandbox(SandboxHttpServer server, SandboxClock clock, SandboxControl control, IdentityCenter identity) {
        this.server = server;
        this.clock = clock;
        this.control = control;
        this.identity = identity;
    }

    /**
     * Builds the demo account, simulates its history up to now and starts serving.
     *
     * @throws SandboxStartException when the port cannot be bound (e.g. already in use)
     */
    public static Sandbox start(SandboxConfig config) {
        SandboxClock clock = config.clock().orElseGet(() -> new AcceleratedClock(
                config.startAt().orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS)), config.speed()));
        Instant now = clock.now();
        ObjectMapper mapper = Json.mapper();
        ObjectStore objects = new ObjectStore();
        objects.createBucket(ARTIFACT_BUCKET);
        ImageRegistry images = new ImageRegistry(ACCOUNT_ID, REGION);
        Instant simulationStart = config.demoData() ? now.minus(DemoScenario.HISTORY) : now;
        PipelineEngine engine = new PipelineEngine(clock, config.seed(), simulationStart, ACCOUNT_ID, REGION,
                objects, images);
        if (config.demoData()) {
            new DemoScenario(engine, images, mapper, config.seed()).install(now, config.pipelines());
        }
        engine.catchUp();
        FaultInjector faults = new FaultInjector(config.faults(), config.seed());
        SandboxControl control = new SandboxControl(engine, clock, faults);
        List<AwsJsonService> services = List.of(
                new AwsJsonService(ServiceModel.load("codepipeline", mapper),
                        new CodePipelineApi(engine, mapper).operations(), mapper),
                new AwsJsonService(ServiceModel.load("ecr", mapper),
                        new EcrApi(images, engine::now, mapper).operations(), mapper));
        // Sign-in tokens expire by the real clock: SDK clients judge their expiry by it, not by the simulation's.
        IdentityCenter identity = new IdentityCenter(java.time.Clock.systemUTC(), ACCOUNT_ID);
        FrontDoor frontDoor = new FrontDoor(services, new S3Endpoint(objects), new ControlEndpoint(control, mapper),
                mapper, ACCOUNT_ID, engine::catchUp, faults, new IdentityRoutes(identity, mapper));
        try {
            return new Sandbox(SandboxHttpServer.start(config.port(), frontDoor), clock, control, identity);
        } catch (BindException e) {
            throw new SandboxStartException("Port " + config.port() + " on 127.0.0.1 is already in use", e);
        } catch (IOException e) {
            throw new SandboxStartException("Cannot listen on 127.0.0.1:" + config.port() + ": " + e.getMessage(), e);
        }
    }

    /** e.g. {@code http://127.0.0.1:4599}: the endpoint override for every AWS client. */
    public URI endpoint() {
        return URI.create("http://" + server.host() + ":" + port());
    }

    public int port() {
        return server.port();
    }

    /** The clock the simulation follows; the {@link ManualClock} given in the config, if one was. */
    public SandboxClock clock() {
        return clock;
    }

    /** Pushes, clock moves and other test hooks. */
    public SandboxControl control() {
        return control;
    }

    /** IAM Identity Center, STS and IAM of the sandbox: approve device sign-ins, expire tokens, deny actions. */
    public IdentityCenter identity() {
        return identity;
    }

    @Override
    public void close() {
        server.close();
    }
}
