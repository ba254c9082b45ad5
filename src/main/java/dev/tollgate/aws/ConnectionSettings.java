package dev.tollgate.aws;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom Tollgate talks to AWS: a named profile of the shared config files (or the sandbox's
 * throwaway credentials), a region, and an endpoint override for the embedded sandbox or a local AWS.
 */
public record ConnectionSettings(String label, CredentialsSource credentials, String region, Optional<URI> endpoint) {

    /** Where the credentials of a connection come from. */
    public sealed interface CredentialsSource {
        /** A profile of ~/.aws/config and ~/.aws/credentials (SSO profiles included), resolved by the SDK. */
        record Profile(String name) implements CredentialsSource {
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

    public boolean isSandbox() {
        return credentials instanceof CredentialsSource.SandboxKeys;
    }
}
