package dev.tollgate.aws;

import dev.tollgate.identity.SsoPortal;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom Tollgate talks to AWS: a named profile of the shared config files, an IAM Identity Center
 * account and role, or the sandbox's throwaway credentials; a region; and endpoint overrides, one for all
 * services (the embedded sandbox, a local AWS) and per service (AWS_ENDPOINT_URL_CODEPIPELINE...).
 *
 * @param serviceEndpoints per-service overrides keyed as in the env var names: {@code CODEPIPELINE}, {@code ECR},
 *                         {@code S3}, {@code STS}, {@code SSO}, {@code SSO_OIDC}, {@code SQS}
 * @param eventsQueueUrl   push mode: an SQS queue that an EventBridge rule fills with CodePipeline's state-change
 *                         events for this account and region; empty means polling alone
 */
public record ConnectionSettings(String label, CredentialsSource credentials, String region, Optional<URI> endpoint,
                                 Map<String, URI> serviceEndpoints, Optional<URI> eventsQueueUrl) {

    /** Where the credentials of a connection come from. */
    public sealed interface CredentialsSource {
        /** A profile of ~/.aws/config and ~/.aws/credentials, resolved by the SDK. */
        record Profile(String name) implements CredentialsSource {
        }

        /** A role in an account, through an IAM Identity Center sign-in (an SSO profile, or picked in the app). */
        record SsoRole(SsoPortal portal, String accountId, String roleName) implements CredentialsSource {
        }

        /** Fixed credentials that mean nothing outside the loopback sandbox, which accepts any. */
        record SandboxKeys(String accessKeyId, String secretAccessKey) implements CredentialsSource {
            @Override
            public String toString() {
                // Records print their fields; a secret must never reach a log line that way.
                return "SandboxKeys[accessKeyId=" + accessKeyId + "]";
            }
        }
    }

    public ConnectionSettings {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(region, "region");
        endpoint = endpoint == null ? Optional.empty() : endpoint;
        serviceEndpoints = serviceEndpoints == null ? Map.of() : Map.copyOf(serviceEndpoints);
        eventsQueueUrl = eventsQueueUrl == null ? Optional.empty() : eventsQueueUrl;
    }

    public ConnectionSettings(String label, CredentialsSource credentials, String region, Optional<URI> endpoint,
                              Map<String, URI> serviceEndpoints) {
        this(label, credentials, region, endpoint, serviceEndpoints, Optional.empty());
    }

    public ConnectionSettings(String label, CredentialsSource credentials, String region, Optional<URI> endpoint) {
        this(label, credentials, region, endpoint, Map.of());
    }

    public static ConnectionSettings sandbox(URI endpoint) {
        return new ConnectionSettings("Sandbox", new CredentialsSource.SandboxKeys("TOLLGATESANDBOX", "sandbox-accepts-any-secret"), "us-east-1",
                Optional.of(endpoint));
    }

    /** The sandbox with chosen keys: each access key id is a different caller to the sandbox. */
    public static ConnectionSettings sandbox(URI endpoint, String accessKeyId, String secretAccessKey) {
        return new ConnectionSettings("Sandbox", new CredentialsSource.SandboxKeys(accessKeyId, secretAccessKey),
                "us-east-1", Optional.of(endpoint));
    }

    public static ConnectionSettings profile(String profile, String region) {
        return new ConnectionSettings(profile + " · " + region, new CredentialsSource.Profile(profile), region,
                Optional.empty());
    }

    /** A role picked after an in-app sign-in; {@code endpoint} is the sandbox's when signing in there. */
    public static ConnectionSettings ssoRole(SsoPortal portal, String accountId, String roleName, String region,
            Optional<URI> endpoint) {
        return new ConnectionSettings(roleName + " @ " + accountId + " · " + region,
                new CredentialsSource.SsoRole(portal, accountId, roleName), region, endpoint);
    }

    public boolean isSandbox() {
        return credentials instanceof CredentialsSource.SandboxKeys;
    }

    /** Whether the approver can sign in again from the app when these credentials expire. */
    public boolean canSignInAgain() {
        return credentials instanceof CredentialsSource.SsoRole;
    }

    /** The endpoint for one service: its own override, else the general one, else the SDK's default. */
    public Optional<URI> endpointFor(String serviceKey) {
        return Optional.ofNullable(serviceEndpoints.get(serviceKey.toUpperCase(Locale.ROOT))).or(() -> endpoint);
    }

    public ConnectionSettings withServiceEndpoints(Map<String, URI> endpoints) {
        return new ConnectionSettings(label, credentials, region, endpoint, endpoints, eventsQueueUrl);
    }

    public ConnectionSettings withLabel(String newLabel) {
        return new ConnectionSettings(newLabel, credentials, region, endpoint, serviceEndpoints, eventsQueueUrl);
    }

    public ConnectionSettings withEndpoint(Optional<URI> newEndpoint) {
        return new ConnectionSettings(label, credentials, region, newEndpoint, serviceEndpoints, eventsQueueUrl);
    }

    /** Push mode with this queue (see {@code eventsQueueUrl}); empty turns it off. */
    public ConnectionSettings withEventsQueueUrl(Optional<URI> queueUrl) {
        return new ConnectionSettings(label, credentials, region, endpoint, serviceEndpoints, queueUrl);
    }
}
