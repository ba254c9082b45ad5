package dev.tollgate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.identity.ProfileSummary;
import dev.tollgate.identity.SsoPortal;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles, SSO sessions, regions and endpoint overrides, read from temporary config files like the CLI reads them. */
class AwsProfilesTest {

    private static final String CONFIG = """
            [default]
            region = eu-west-3

            [profile approver]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = ReleaseApprover
            region = eu-central-1

            [profile legacy]
            sso_start_url = https://old.awsapps.com/start
            sso_region = us-west-2
            sso_account_id = 444455556666
            sso_role_name = ReadOnly

            [profile ci]
            role_arn = arn:aws:iam::111122223333:role/ci
            source_profile = default

            [profile local]
            region = us-east-1
            endpoint_url = http://127.0.0.1:4599
            services = local-services

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-west-1
            sso_registration_scopes = sso:account:access

            [services local-services]
            codepipeline =
              endpoint_url = http://127.0.0.1:4600
            """;

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void writeFiles() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), CONFIG);
        Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = x\n");
    }

    private AwsEnvironment environment() {
        return new AwsEnvironment(env, home);
    }

    @Test
    void listsEveryProfileWithWhereItsCredentialsComeFrom() {
        assertThat(new AwsProfiles(environment()).profiles())
                .extracting(ProfileSummary::name, ProfileSummary::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("default", ProfileSummary.Kind.KEYS),
                        org.assertj.core.groups.Tuple.tuple("approver", ProfileSummary.Kind.SSO),
                        org.assertj.core.groups.Tuple.tuple("ci", ProfileSummary.Kind.ASSUME_ROLE),
                        org.assertj.core.groups.Tuple.tuple("legacy", ProfileSummary.Kind.SSO),
                        org.assertj.core.groups.Tuple.tuple("local", ProfileSummary.Kind.OTHER));
    }

    @Test
    void ssoSessionsAndLegacyStartUrlsAreThePortals() {
        assertThat(new AwsProfiles(environment()).portals()).containsExactly(
                SsoPortal.session("corp", "https://corp.awsapps.com/start", "eu-west-1"),
                SsoPortal.legacy("https://old.awsapps.com/start", "us-west-2"));
    }

    @Test
    void anSsoProfileConnectsToItsAccountAndRole() {
        ConnectionSettings settings = new ConnectionDiscovery(environment()).connectionFor("approver");

        assertThat(settings.credentials()).isEqualTo(new ConnectionSettings.CredentialsSource.SsoRole(
                SsoPortal.session("corp", "https://corp.awsapps.com/start", "eu-west-1"), "111122223333", "ReleaseApprover"));
        assertThat(settings.region()).isEqualTo("eu-central-1");
        assertThat(settings.canSignInAgain()).isTrue();
    }

    @Test
    void aLegacySsoProfileCachesUnderItsStartUrl() {
        var role = new AwsProfiles(environment()).ssoRole("legacy").orElseThrow();

        assertThat(role.portal().cacheKey()).isEqualTo("https://old.awsapps.com/start");
        assertThat(new SsoTokenCache(home).fileFor(role.portal()).getFileName().toString())
                .isEqualTo(SsoTokenCache.sha1Hex("https://old.awsapps.com/start") + ".json");
    }

    @Test
    void theEnvironmentChoosesFilesProfileAndRegion() throws IOException {
        Path elsewhere = home.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        Files.writeString(elsewhere.resolve("config"), "[profile other]\nregion = ap-south-1\n");
        env.put("AWS_CONFIG_FILE", elsewhere.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", elsewhere.resolve("none").toString());
        env.put("AWS_PROFILE", "other");

        ConnectionSettings fromProfile = new ConnectionDiscovery(environment()).configured(Optional.empty()).orElseThrow();
        env.put("AWS_DEFAULT_REGION", "sa-east-1");
        ConnectionSettings defaultRegion = new ConnectionDiscovery(environment()).configured(Optional.empty()).orElseThrow();
        env.put("AWS_REGION", "ca-central-1");
        ConnectionSettings region = new ConnectionDiscovery(environment()).configured(Optional.empty()).orElseThrow();

        assertThat(fromProfile.credentials()).isEqualTo(new ConnectionSettings.CredentialsSource.Profile("other"));
        assertThat(fromProfile.region()).isEqualTo("ap-south-1");
        assertThat(defaultRegion.region()).isEqualTo("sa-east-1");
        assertThat(region.region()).isEqualTo("ca-central-1");
        assertThat(new AwsProfiles(environment()).profiles()).extracting(ProfileSummary::name).containsExactly("other");
    }

    @Test
    void endpointOverridesComeFromTheEnvironmentBeforeTheProfile() {
        ConnectionSettings fromProfile = new ConnectionDiscovery(environment()).connectionFor("local");
        assertThat(fromProfile.endpointFor("CODEPIPELINE")).contains(URI.create("http://127.0.0.1:4600"));
        assertThat(fromProfile.endpointFor("ECR")).contains(URI.create("http://127.0.0.1:4599"));

        env.put("AWS_ENDPOINT_URL", "http://localhost:4566");
        env.put("AWS_ENDPOINT_URL_CODEPIPELINE", "http://localhost:4567");
        ConnectionSettings fromEnv = new ConnectionDiscovery(environment()).connectionFor("default");
        assertThat(fromEnv.endpointFor("CODEPIPELINE")).contains(URI.create("http://localhost:4567"));
        assertThat(fromEnv.endpointFor("STS")).contains(URI.create("http://localhost:4566"));

        env.put("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        assertThat(new ConnectionDiscovery(environment()).connectionFor("local").endpointFor("CODEPIPELINE")).isEmpty();
    }

    @Test
    void theSsoCacheIsUnderTheHomeDirectory() {
        assertThat(environment().ssoCacheDirectory()).isEqualTo(home.resolve(".aws/sso/cache"));
        env.put("AWS_CONFIG_FILE", "~/custom/config");
        assertThat(environment().configFile()).isEqualTo(home.resolve("custom/config"));
    }
}
