package dev.tollgate.aws;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * This machine's AWS configuration as the CLI sees it: the shared config and credentials files (honouring
 * AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE), the SSO token cache, and endpoint overrides from
 * AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_&lt;SERVICE&gt;, a profile's {@code endpoint_url} and its {@code services}
 * section. Built from an explicit environment map and home directory so tests never touch the real ~/.aws.
 */
public final class AwsEnvironment {

    private final Map<String, String> environment;
    private final Path home;

    public AwsEnvironment(Map<String, String> environment, Path home) {
        this.environment = Map.copyOf(environment);
        this.home = home;
    }

    /** The process's environment and the user's home, as the CLI would resolve them. */
    public static AwsEnvironment system() {
        String home = Optional.ofNullable(System.getenv("HOME")).filter(h -> !h.isBlank())
                .orElse(System.getProperty("user.home"));
        return new AwsEnvironment(System.getenv(), Path.of(home));
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    public Path configFile() {
        return variable("AWS_CONFIG_FILE").map(this::expand).orElse(home.resolve(".aws").resolve("config"));
    }

    public Path credentialsFile() {
        return variable("AWS_SHARED_CREDENTIALS_FILE").map(this::expand).orElse(home.resolve(".aws").resolve("credentials"));
    }

    /** Where the CLI v2 and the SDKs keep IAM Identity Center tokens. */
    public Path ssoCacheDirectory() {
        return home.resolve(".aws").resolve("sso").resolve("cache");
    }

    /** The profile to use when none is asked for: AWS_PROFILE (or the older AWS_DEFAULT_PROFILE), else "default". */
    public String defaultProfileName() {
        return variable("AWS_PROFILE").or(() -> variable("AWS_DEFAULT_PROFILE")).orElse("default");
    }

    public boolean profileChosenByEnvironment() {
        return variable("AWS_PROFILE").or(() -> variable("AWS_DEFAULT_PROFILE")).isPresent();
    }

    /** AWS_REGION, then AWS_DEFAULT_REGION. */
    public Optional<String> regionOverride() {
        return variable("AWS_REGION").or(() -> variable("AWS_DEFAULT_REGION"));
    }

    /** Both files read fresh (they are small); empty when neither exists. */
    public Optional<ProfileFile> profileFile() {
        Path config = configFile();
        Path credentials = credentialsFile();
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        boolean any = false;
        if (Files.isRegularFile(config)) {
            aggregator.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
            any = true;
        }
        if (Files.isRegularFile(credentials)) {
            aggregator.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
            any = true;
        }
        return any ? Optional.of(aggregator.build()) : Optional.empty();
    }

    /**
     * The endpoint for one service, in the order the SDKs and CLI use: AWS_ENDPOINT_URL_&lt;SERVICE&gt;,
     * AWS_ENDPOINT_URL, the profile's services section, then the profile's endpoint_url.
     * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true turns them all off.
     *
     * @param serviceKey the service's key in env var form, e.g. {@code CODEPIPELINE}, {@code SSO_OIDC}
     */
    public Optional<URI> endpointFor(String serviceKey, Optional<Profile> profile, Optional<ProfileFile> files) {
        if (variable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS").map(v -> v.equalsIgnoreCase("true")).orElse(false)) {
            return Optional.empty();
        }
        Optional<String> url = variable("AWS_ENDPOINT_URL_" + serviceKey).or(() -> variable("AWS_ENDPOINT_URL"));
        if (url.isEmpty() && profile.isPresent()) {
            String configKey = serviceKey.toLowerCase(Locale.ROOT);
            url = profile.get().property("services")
                    .flatMap(section -> files.flatMap(f -> f.getSection("services", section)))
                    .flatMap(section -> section.property(configKey + "." + ProfileProperty.ENDPOINT_URL)
                            .or(() -> nested(section, configKey)))
                    .or(() -> profile.get().property(ProfileProperty.ENDPOINT_URL));
        }
        return url.map(String::strip).map(URI::create);
    }

    // The SDK flattens "codepipeline =\n  endpoint_url = X" into the property "codepipeline.endpoint_url" in newer
    // versions and into a multi-line value in older ones; accept both.
    private static Optional<String> nested(Profile section, String configKey) {
        return section.property(configKey).flatMap(value -> value.lines()
                .map(String::strip)
                .filter(line -> line.startsWith(ProfileProperty.ENDPOINT_URL))
                .map(line -> line.substring(line.indexOf('=') + 1).strip())
                .findFirst());
    }

    private Path expand(String path) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/") || path.startsWith("~" + java.io.File.separator)) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }
}
