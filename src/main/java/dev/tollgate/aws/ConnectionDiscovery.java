package dev.tollgate.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Finds the AWS connection a user has configured the way the AWS CLI does: AWS_PROFILE or the default
 * profile of the shared config files (honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE), with the
 * region from AWS_REGION, AWS_DEFAULT_REGION or the profile. No configuration means the sandbox.
 */
public final class ConnectionDiscovery {

    private static final String FALLBACK_REGION = "us-east-1";

    private final Map<String, String> environment;

    public ConnectionDiscovery(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The configured connection, or empty when this machine has no AWS configuration at all. */
    public Optional<ConnectionSettings> configured(Optional<String> requestedProfile) {
        String profileName = requestedProfile.orElseGet(() -> environment.getOrDefault("AWS_PROFILE", "default"));
        boolean explicit = requestedProfile.isPresent() || environment.containsKey("AWS_PROFILE");
        Optional<ProfileFile> files = profileFiles();
        boolean profileExists = files.flatMap(f -> f.profile(profileName)).isPresent();
        if (!explicit && !profileExists) {
            return Optional.empty();
        }
        String region = firstNonBlank(environment.get("AWS_REGION"), environment.get("AWS_DEFAULT_REGION"))
                .or(() -> files.flatMap(f -> f.profile(profileName)).flatMap(p -> p.property(ProfileProperty.REGION)))
                .orElse(FALLBACK_REGION);
        return Optional.of(ConnectionSettings.profile(profileName, region));
    }

    private Optional<ProfileFile> profileFiles() {
        Path config = Optional.ofNullable(environment.get("AWS_CONFIG_FILE")).map(Path::of)
                .or(ProfileFileLocation::configurationFileLocation).orElse(null);
        Path credentials = Optional.ofNullable(environment.get("AWS_SHARED_CREDENTIALS_FILE")).map(Path::of)
                .or(ProfileFileLocation::credentialsFileLocation).orElse(null);
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        boolean any = false;
        if (config != null && Files.isRegularFile(config)) {
            aggregator.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
            any = true;
        }
        if (credentials != null && Files.isRegularFile(credentials)) {
            aggregator.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
            any = true;
        }
        return any ? Optional.of(aggregator.build()) : Optional.empty();
    }

    private static Optional<String> firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
