package dev.tollgate.aws;

import dev.tollgate.identity.WatchedConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Finds the AWS connection a user has configured the way the AWS CLI does: AWS_PROFILE or the default
 * profile of the shared config files (honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE), with the
 * region from AWS_REGION, AWS_DEFAULT_REGION or the profile, and endpoint overrides from AWS_ENDPOINT_URL,
 * AWS_ENDPOINT_URL_&lt;SERVICE&gt; or the profile. SSO profiles become an Identity Center account and role.
 * TOLLGATE_EVENTS_QUEUE_URL names the SQS queue of push mode. No configuration means the sandbox.
 */
public final class ConnectionDiscovery {

    private static final String FALLBACK_REGION = "us-east-1";
    /** The services Tollgate calls, by the key AWS_ENDPOINT_URL_&lt;KEY&gt; uses. */
    static final List<String> SERVICE_KEYS = List.of("CODEPIPELINE", "ECR", "S3", "STS", "SSO", "SSO_OIDC", "SQS");
    /** The SQS queue EventBridge sends CodePipeline's events to, for push mode. */
    public static final String EVENTS_QUEUE_VARIABLE = "TOLLGATE_EVENTS_QUEUE_URL";

    private final AwsEnvironment environment;

    public ConnectionDiscovery(AwsEnvironment environment) {
        this.environment = environment;
    }

    /** With the user's home from the system; kept for callers that only have an environment map. */
    public ConnectionDiscovery(Map<String, String> environment) {
        this(new AwsEnvironment(environment, Path.of(System.getProperty("user.home"))));
    }

    /** The configured connection, or empty when this machine has no AWS configuration at all. */
    public Optional<ConnectionSettings> configured(Optional<String> requestedProfile) {
        String profileName = requestedProfile.orElseGet(environment::defaultProfileName);
        boolean explicit = requestedProfile.isPresent() || environment.profileChosenByEnvironment();
        Optional<ProfileFile> files = environment.profileFile();
        boolean profileExists = files.flatMap(f -> f.profile(profileName)).isPresent();
        if (!explicit && !profileExists) {
            return Optional.empty();
        }
        return Optional.of(connectionFor(profileName, files));
    }

    /** The profile {@link #configured} would use, as a connection to remember; empty without any configuration. */
    public Optional<WatchedConnection.Profile> configuredProfile(Optional<String> requestedProfile) {
        String profileName = requestedProfile.orElseGet(environment::defaultProfileName);
        return configured(requestedProfile).map(settings -> new WatchedConnection.Profile(profileName, settings.region()));
    }

    /** A named profile in the region the environment or the profile gives, as a connection to remember. */
    public WatchedConnection.Profile profile(String profileName) {
        return new WatchedConnection.Profile(profileName, connectionFor(profileName).region());
    }

    /**
     * How to reach a remembered connection now: a profile is read again from the files (its keys or SSO
     * settings may have changed since), in the region remembered; an Identity Center role takes the endpoint
     * overrides of the environment, or the embedded sandbox's when it was picked there.
     *
     * @param embeddedSandbox starts the embedded sandbox if need be and gives its endpoint
     */
    public ConnectionSettings connectionFor(WatchedConnection connection, Supplier<URI> embeddedSandbox) {
        if (connection instanceof WatchedConnection.Profile profile) {
            Optional<ProfileFile> files = environment.profileFile();
            // A queue belongs to one account and region: the app gives it to the connection it was started for.
            return connectionFor(profile.name(), files, Optional.of(profile.region())).withLabel(profile.id().label())
                    .withEventsQueueUrl(Optional.empty());
        }
        if (connection instanceof WatchedConnection.SsoRole role) {
            ConnectionSettings settings = ConnectionSettings.ssoRole(role.portal(), role.accountId(), role.roleName(),
                    role.region(), role.onSandbox() ? Optional.of(embeddedSandbox.get()) : Optional.empty());
            return (role.onSandbox() ? settings : settings.withServiceEndpoints(environmentEndpoints()))
                    .withLabel(role.id().label());
        }
        return ConnectionSettings.sandbox(embeddedSandbox.get());
    }

    /** AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_&lt;SERVICE&gt;, for a connection that is no profile. */
    private Map<String, URI> environmentEndpoints() {
        Map<String, URI> endpoints = new HashMap<>();
        for (String key : SERVICE_KEYS) {
            environment.endpointFor(key, Optional.empty(), Optional.empty()).ifPresent(uri -> endpoints.put(key, uri));
        }
        return endpoints;
    }

    /** The connection of a named profile (which need not exist yet: the SDK will say so when it is used). */
    public ConnectionSettings connectionFor(String profileName) {
        return connectionFor(profileName, environment.profileFile());
    }

    private ConnectionSettings connectionFor(String profileName, Optional<ProfileFile> files) {
        return connectionFor(profileName, files, Optional.empty());
    }

    private ConnectionSettings connectionFor(String profileName, Optional<ProfileFile> files, Optional<String> chosenRegion) {
        Optional<Profile> profile = files.flatMap(f -> f.profile(profileName));
        String region = chosenRegion.or(environment::regionOverride)
                .or(() -> profile.flatMap(p -> p.property(ProfileProperty.REGION)))
                .orElse(FALLBACK_REGION);
        Map<String, URI> endpoints = new HashMap<>();
        for (String key : SERVICE_KEYS) {
            environment.endpointFor(key, profile, files).ifPresent(uri -> endpoints.put(key, uri));
        }
        ConnectionSettings.CredentialsSource source = profile.flatMap(p -> files.flatMap(f -> AwsProfiles.ssoRoleOf(p, f)))
                .<ConnectionSettings.CredentialsSource>map(role -> role)
                .orElse(new ConnectionSettings.CredentialsSource.Profile(profileName));
        Optional<URI> eventsQueue = environment.variable(EVENTS_QUEUE_VARIABLE).flatMap(ConnectionDiscovery::queueUrl);
        return new ConnectionSettings(profileName + " · " + region, source, region, Optional.empty(), endpoints,
                eventsQueue);
    }

    /** TOLLGATE_EVENTS_QUEUE_URL, when it holds a queue URL: push mode for the connection configured. */
    public Optional<URI> eventsQueue() {
        return environment.variable(EVENTS_QUEUE_VARIABLE).flatMap(ConnectionDiscovery::queueUrl);
    }

    private static Optional<URI> queueUrl(String value) {
        try {
            URI url = URI.create(value.trim());
            if (url.getScheme() != null && url.getHost() != null) {
                return Optional.of(url);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        LoggerFactory.getLogger(ConnectionDiscovery.class).warn("Ignoring {}: '{}' is not a queue URL such as "
                + "https://sqs.us-east-1.amazonaws.com/123456789012/pipeline-events; polling alone", EVENTS_QUEUE_VARIABLE, value);
        return Optional.empty();
    }
}
