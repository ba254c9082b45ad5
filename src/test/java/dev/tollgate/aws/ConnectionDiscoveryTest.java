package dev.tollgate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.identity.SsoPortal;
import dev.tollgate.identity.WatchedConnection;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionDiscoveryTest {

    @TempDir
    Path home;

    private Map<String, String> environmentWithFiles() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        return env;
    }

    @Test
    void noConfigurationAtAllMeansTheSandbox() {
        assertThat(new ConnectionDiscovery(environmentWithFiles()).configured(Optional.empty())).isEmpty();
    }

    @Test
    void usesTheDefaultProfileAndItsRegion() throws IOException {
        Files.writeString(home.resolve("config"), "[default]\nregion = eu-west-3\n");

        ConnectionSettings settings = new ConnectionDiscovery(environmentWithFiles()).configured(Optional.empty()).orElseThrow();

        assertThat(settings.credentials()).isEqualTo(new ConnectionSettings.CredentialsSource.Profile("default"));
        assertThat(settings.region()).isEqualTo("eu-west-3");
        assertThat(settings.isSandbox()).isFalse();
    }

    @Test
    void theEventsQueueOfPushModeComesFromTheEnvironmentWithItsSqsEndpoint() throws IOException {
        Files.writeString(home.resolve("config"), "[default]\nregion = eu-west-3\n");
        Map<String, String> env = environmentWithFiles();
        env.put("TOLLGATE_EVENTS_QUEUE_URL", "https://sqs.eu-west-3.amazonaws.com/123456789012/pipeline-events");
        env.put("AWS_ENDPOINT_URL_SQS", "http://localhost:4566");

        ConnectionSettings settings = new ConnectionDiscovery(env).configured(Optional.empty()).orElseThrow();
        env.put("TOLLGATE_EVENTS_QUEUE_URL", "not a url");
        ConnectionSettings garbled = new ConnectionDiscovery(env).configured(Optional.empty()).orElseThrow();

        assertThat(settings.eventsQueueUrl()).contains(java.net.URI.create(
                "https://sqs.eu-west-3.amazonaws.com/123456789012/pipeline-events"));
        assertThat(settings.endpointFor("SQS")).contains(java.net.URI.create("http://localhost:4566"));
        assertThat(AwsClients.regionOf(settings.eventsQueueUrl().orElseThrow())).contains("eu-west-3");
        assertThat(garbled.eventsQueueUrl()).isEmpty();
    }

    @Test
    void awsProfileAndAwsRegionOverrideTheFiles() throws IOException {
        Files.writeString(home.resolve("config"), "[default]\nregion = eu-west-3\n[profile approver]\nregion = us-west-2\n");
        Map<String, String> env = environmentWithFiles();
        env.put("AWS_PROFILE", "approver");

        ConnectionSettings fromProfile = new ConnectionDiscovery(env).configured(Optional.empty()).orElseThrow();
        env.put("AWS_REGION", "ap-southeast-2");
        ConnectionSettings fromEnv = new ConnectionDiscovery(env).configured(Optional.empty()).orElseThrow();

        assertThat(fromProfile.region()).isEqualTo("us-west-2");
        assertThat(fromProfile.label()).isEqualTo("approver · us-west-2");
        assertThat(fromEnv.region()).isEqualTo("ap-southeast-2");
    }

    @Test
    void aProfileOnlyInTheCredentialsFileCounts() throws IOException {
        Files.writeString(home.resolve("credentials"), "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = x\n");
        Map<String, String> env = environmentWithFiles();
        env.put("AWS_DEFAULT_REGION", "eu-central-1");

        ConnectionSettings settings = new ConnectionDiscovery(env).configured(Optional.empty()).orElseThrow();

        assertThat(settings.region()).isEqualTo("eu-central-1");
    }

    @Test
    void anExplicitProfileIsUsedEvenWithoutFiles() {
        ConnectionSettings settings = new ConnectionDiscovery(environmentWithFiles()).configured(Optional.of("ci")).orElseThrow();

        assertThat(settings.credentials()).isEqualTo(new ConnectionSettings.CredentialsSource.Profile("ci"));
        assertThat(settings.region()).isEqualTo("us-east-1");
    }

    @Test
    void aRememberedProfileKeepsItsRegionAndReadsItsEndpointsAgain() throws IOException {
        Files.writeString(home.resolve("config"), "[profile local]\nregion = eu-west-3\nendpoint_url = http://127.0.0.1:4599\n");
        ConnectionDiscovery discovery = new ConnectionDiscovery(environmentWithFiles());

        WatchedConnection.Profile chosen = discovery.profile("local");
        ConnectionSettings inAnotherRegion = discovery.connectionFor(new WatchedConnection.Profile("local", "us-west-2"),
                () -> { throw new AssertionError("no sandbox for a profile"); });

        assertThat(chosen).isEqualTo(new WatchedConnection.Profile("local", "eu-west-3"));
        assertThat(inAnotherRegion.region()).isEqualTo("us-west-2");
        assertThat(inAnotherRegion.label()).isEqualTo("local · us-west-2");
        assertThat(inAnotherRegion.endpointFor("CODEPIPELINE")).contains(URI.create("http://127.0.0.1:4599"));
    }

    @Test
    void aRememberedRoleUsesTheEmbeddedSandboxOnlyWhenItWasPickedThere() {
        SsoPortal portal = SsoPortal.session("acme", "https://acme.awsapps.com/start", "eu-west-1");
        Map<String, String> env = environmentWithFiles();
        env.put("AWS_ENDPOINT_URL_CODEPIPELINE", "http://localhost:4566");
        ConnectionDiscovery discovery = new ConnectionDiscovery(env);
        URI sandbox = URI.create("http://127.0.0.1:51234");

        ConnectionSettings onSandbox = discovery.connectionFor(
                new WatchedConnection.SsoRole(portal, "123456789012", "Sandbox account", "Approver", "us-east-1", true), () -> sandbox);
        ConnectionSettings onAws = discovery.connectionFor(
                new WatchedConnection.SsoRole(portal, "210987654321", "Payments", "Approver", "eu-central-1", false),
                () -> { throw new AssertionError("the sandbox must not start for a role in AWS"); });

        assertThat(onSandbox.endpointFor("CODEPIPELINE")).contains(sandbox);
        assertThat(onSandbox.credentials()).isEqualTo(new ConnectionSettings.CredentialsSource.SsoRole(portal, "123456789012", "Approver"));
        assertThat(onAws.endpointFor("CODEPIPELINE")).contains(URI.create("http://localhost:4566"));
        assertThat(onAws.endpointFor("ECR")).isEmpty();
        assertThat(onAws.region()).isEqualTo("eu-central-1");
        assertThat(onAws.label()).isEqualTo("Payments · Approver · eu-central-1");
    }

    @Test
    void theFirstRunRemembersTheConfiguredProfileOrNothing() throws IOException {
        ConnectionDiscovery discovery = new ConnectionDiscovery(environmentWithFiles());
        assertThat(discovery.configuredProfile(Optional.empty())).isEmpty();

        Files.writeString(home.resolve("config"), "[default]\nregion = eu-west-3\n");

        assertThat(discovery.configuredProfile(Optional.empty())).contains(new WatchedConnection.Profile("default", "eu-west-3"));
    }
}
