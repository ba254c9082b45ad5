package dev.tollgate.sandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tollgate.sandbox.fault.Fault;
import dev.tollgate.sandbox.fault.FaultInjector;
import dev.tollgate.sandbox.identity.IdentityRoutes;
import dev.tollgate.sandbox.s3.S3Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The single handler on the sandbox port. It routes by what AWS clients send: an X-Amz-Target header
 * names a JSON service and operation; {@code /_sandbox/} is the control API; anything else is path-style
 * S3. Every answer is AWS-shaped: no stack trace ever reaches a client. An answer that comes later (an SQS
 * long poll) is written by whichever thread completes it, so waiting never holds one of the few workers.
 */
public final class FrontDoor implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
    /** Larger bodies than any real CodePipeline or ECR request are refused before parsing. */
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final String SQS_TARGET_PREFIX = "AmazonSQS.";

    private final List<AwsJsonService> services;
    private final S3Endpoint s3;
    private final ControlEndpoint control;
    private final ObjectMapper mapper;
    private final String accountId;
    private final Runnable beforeEachRequest;
    private final FaultInjector faults;
    private final IdentityRoutes identity;

    public FrontDoor(List<AwsJsonService> services, S3Endpoint s3, ControlEndpoint control, ObjectMapper mapper,
                     String accountId, Runnable beforeEachRequest, FaultInjector faults) {
        this(services, s3, control, mapper, accountId, beforeEachRequest, faults, null);
    }

    /** @param identity SSO, STS and the IAM check in front of every service; null leaves them out */
    public FrontDoor(List<AwsJsonService> services, S3Endpoint s3, ControlEndpoint control, ObjectMapper mapper,
                     String accountId, Runnable beforeEachRequest, FaultInjector faults, IdentityRoutes identity) {
        this.identity = identity;
        this.services = List.copyOf(services);
        this.s3 = s3;
        this.control = control;
        this.mapper = mapper;
        this.accountId = accountId;
        this.beforeEachRequest = beforeEachRequest;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        if (!rawPath.startsWith("/_sandbox") && faults.dropsConnection()) {
            // Closing before any header is sent closes the socket: the client reads an unexpected end of stream.
            exchange.close();
            return;
        }
        String requestId = UUID.randomUUID().toString();
        CallContext call = CallContext.from(requestId, exchange.getRequestHeaders().getFirst("Authorization"), accountId);
        if (identity != null) {
            call = call.withPrincipalArn(identity.principalArn(call));
        }
        CompletionStage<Response> answer;
        try {
            answer = route(exchange, call);
        } catch (RuntimeException | Error e) {
            answer = CompletableFuture.failedFuture(e);
        }
        CallContext caller = call;
        answer.whenComplete((response, failure) -> {
            Response written = response;
            if (failure != null) {
                LOG.warn("Sandbox request {} {} failed unexpectedly", exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), failure);
                written = AwsJsonService.error(400, "InternalFailure", "The sandbox could not process this request ("
                        + failure.getClass().getSimpleName() + ")", caller, mapper);
            }
            try {
                write(exchange, written);
            } catch (IOException e) {
                // The client went away (e.g. it gave up on a long poll): nothing left to answer.
                LOG.debug("Could not answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        e.getMessage());
            }
        });
    }

    private CompletionStage<Response> route(HttpExchange exchange, CallContext call) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (identity != null && target == null && identity.handles(method, path, exchange.getRequestHeaders())) {
            byte[] body = readBody(exchange);
            if (body == null) {
                return done(tooLarge(call));
            }
            return done(identity.handle(method, path, exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                    body, call));
        }
        if (path.equals("/_sandbox") || path.startsWith("/_sandbox/")) {
            byte[] body = readBody(exchange);
            if (body == null) {
                return done(tooLarge(call));
            }
            return done(control.handle(method, path, exchange.getRequestURI().getRawQuery(), body, call));
        }
        if (target != null) {
            byte[] body = readBody(exchange);
            if (body == null) {
                return done(tooLarge(call));
            }
            // SQS has quotas of its own, far above CodePipeline's: its calls do not count against the quota.
            Optional<Fault> fault = injectedFault(target.substring(target.lastIndexOf('.') + 1),
                    !target.startsWith(SQS_TARGET_PREFIX));
            if (fault.isPresent()) {
                return done(AwsJsonService.error(fault.get().httpStatus(), fault.get().code(), fault.get().message(), call, mapper));
            }
            if (identity != null) {
                Optional<IdentityRoutes.Refusal> refusal = identity.refusal(call, IdentityRoutes.iamAction(target),
                        identity.resourceOf(target, body));
                if (refusal.isPresent()) {
                    return done(AwsJsonService.error(refusal.get().status(), refusal.get().code(), refusal.get().message(), call, mapper));
                }
            }
            beforeEachRequest.run();
            return dispatch(method, target, body, call);
        }
        if (method.equals("POST")) {
            return done(AwsJsonService.error(400, "UnknownOperationException",
                    "Missing X-Amz-Target header: the request names no operation", call, mapper));
        }
        Optional<Fault> fault = injectedFault(method.equals("HEAD") ? "HeadObject" : "GetObject", true);
        if (fault.isPresent()) {
            return done(s3.fault(fault.get(), method.equals("HEAD"), call.requestId()));
        }
        if (identity != null) {
            Optional<IdentityRoutes.Refusal> refusal = identity.refusal(call, "s3:GetObject", "arn:aws:s3:::" + path.substring(1));
            if (refusal.isPresent()) {
                return done(identity.s3Error(refusal.get(), path, call, method.equals("HEAD")));
            }
        }
        beforeEachRequest.run();
        return done(s3.handle(method, path, call.requestId()));
    }

    /** Waits the configured latency, then asks the injector whether this call fails. */
    private Optional<Fault> injectedFault(String operation, boolean countsAgainstQuota) {
        int latency = faults.latencyMillis(operation);
        if (latency > 0) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return faults.next(operation, countsAgainstQuota);
    }

    private static CompletionStage<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }

    private CompletionStage<Response> dispatch(String method, String target, byte[] body, CallContext call) {
        int dot = target.lastIndexOf('.');
        String prefix = dot < 0 ? target : target.substring(0, dot);
        String operation = dot < 0 ? "" : target.substring(dot + 1);
        for (AwsJsonService service : services) {
            if (service.targetPrefix().equals(prefix)) {
                if (!method.equals("POST")) {
                    return done(AwsJsonService.error(400, "UnknownOperationException",
                            "AWS JSON operations are called with POST", call, mapper));
                }
                return service.handle(operation, body, call);
            }
        }
        return done(AwsJsonService.error(400, "UnknownOperationException",
                "No service of this sandbox answers X-Amz-Target '" + target + "'", call, mapper));
    }

    private Response tooLarge(CallContext call) {
        return AwsJsonService.error(413, "SerializationException",
                "The request body is larger than " + MAX_BODY_BYTES + " bytes", call, mapper);
    }

    /** The body, or null when it exceeds {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        try (exchange) {
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                exchange.getResponseHeaders().set(header.getKey(), header.getValue());
            }
            if (response.headOnly()) {
                // HEAD answers declare the object's length but send no bytes.
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(response.body().length));
                exchange.sendResponseHeaders(response.status(), -1);
                return;
            }
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
