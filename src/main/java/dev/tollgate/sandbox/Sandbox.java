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
import dev.tollgate.sandbox.sqs.SqsApi;
import dev.tollgate.sandbox.sqs.SqsQueues;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local, AWS-compatible endpoint (CodePipeline, ECR, S3, SQS and a control API on one 127.0.0.1 port)
 * backed by a deterministic pipeline simulation. Point an unmodified AWS SDK client at {@link #endpoint()}.
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
    private final SqsQueues queues;

    private Sandbox(SandboxHttpServer server, SandboxClock clock, SandboxControl control, IdentityCenter identity,
                    SqsQueues queues) {
        this.server = server;
        this.clock = clock;
        this.control = control;
        this.identity = identity;
        this.queues = queues;
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
        // Queue URLs name the endpoint, known once the server listens.
        AtomicReference<URI> endpoint = new AtomicReference<>(URI.create("http://127.0.0.1:" + config.port()));
        // SQS timeouts are the consumer's real time, not the simulation's.
        SqsQueues queues = new SqsQueues(ACCOUNT_ID, REGION, java.time.Clock.systemUTC(), endpoint::get, engine::catchUp);
        SandboxControl control = new SandboxControl(engine, clock, faults, queues, config.seed(), mapper);
        config.eventsQueue().ifPresent(control::sendEventsTo);
        SqsApi sqs = new SqsApi(queues, mapper);
        List<AwsJsonService> services = List.of(
                new AwsJsonService(ServiceModel.load("codepipeline", mapper),
                        new CodePipelineApi(engine, mapper).operations(), mapper),
                new AwsJsonService(ServiceModel.load("ecr", mapper),
                        new EcrApi(images, engine::now, mapper).operations(), mapper),
                new AwsJsonService(ServiceModel.load("sqs", mapper), sqs.operations(), sqs.deferredOperations(),
                        SqsApi::queryErrorCode, mapper));
        // Sign-in tokens expire by the real clock: SDK clients judge their expiry by it, not by the simulation's.
        IdentityCenter identity = new IdentityCenter(java.time.Clock.systemUTC(), ACCOUNT_ID);
        FrontDoor frontDoor = new FrontDoor(services, new S3Endpoint(objects), new ControlEndpoint(control, mapper),
                mapper, ACCOUNT_ID, engine::catchUp, faults, new IdentityRoutes(identity, mapper));
        try {
            SandboxHttpServer server = SandboxHttpServer.start(config.port(), frontDoor);
            endpoint.set(URI.create("http://" + server.host() + ":" + server.port()));
            return new Sandbox(server, clock, control, identity, queues);
        } catch (BindException e) {
            queues.close();
            throw new SandboxStartException("Port " + config.port() + " on 127.0.0.1 is already in use", e);
        } catch (IOException e) {
            queues.close();
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

    /** The SQS queue CodePipeline's events go to (see {@link SandboxConfig#eventsQueue()}), if any. */
    public Optional<URI> eventsQueueUrl() {
        return control.eventsQueueUrl().map(URI::create);
    }

    @Override
    public void close() {
        queues.close();
        server.close();
    }
}
