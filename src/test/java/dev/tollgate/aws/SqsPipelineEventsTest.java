package dev.tollgate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.watch.PipelineEvents;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Push mode's consumer against the sandbox's queue, through the app's own clients. */
class SqsPipelineEventsTest {

    private static final SqsPipelineEvents.Pauses QUICK = new SqsPipelineEvents.Pauses(
            Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(200));

    private final RecordingWatcher watcher = new RecordingWatcher();
    private Sandbox sandbox;
    private AwsClients clients;
    private SqsClient sqs;
    private URI queue;
    private SqsPipelineEvents push;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(Instant.parse("2025-06-02T09:30:00Z")))
                .withEventsQueue(Optional.of("pipeline-events")));
        queue = sandbox.eventsQueueUrl().orElseThrow();
        clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()).withEventsQueueUrl(Optional.of(queue)));
        sqs = SqsClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        push = clients.pipelineEvents(queue, watcher, QUICK);
    }

    @AfterEach
    void stop() {
        push.close();
        clients.close();
        sqs.close();
        sandbox.close();
    }

    @Test
    void namesExactlyThePipelinesThatChangedAndDeletesWhatItRead() throws Exception {
        push.start();
        awaitUntil(() -> watcher.listening);

        sandbox.control().pushCommit("billing-api", "Fix rounding", "dev");

        awaitUntil(() -> watcher.changed.contains("billing-api"));
        awaitUntil(() -> "0".equals(messagesIn(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                && "0".equals(messagesIn(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
        assertThat(watcher.changed).containsOnly("billing-api");
    }

    @Test
    void readsPastGarbageAndOtherRegionsAndUnwrapsSnsNotifications() throws Exception {
        for (String garbage : List.of("not json at all", "{}", "[1, 2]", "{\"source\": \"aws.s3\", \"detail\": {\"pipeline\": \"x\"}}",
                "{\"source\": \"aws.codepipeline\", \"region\": \"eu-west-1\", \"detail\": {\"pipeline\": \"elsewhere\"}}",
                "{\"source\": \"aws.codepipeline\", \"detail\": {\"pipeline\": 42}}")) {
            sqs.sendMessage(b -> b.queueUrl(queue.toString()).messageBody(garbage));
        }
        String event = "{\"source\": \"aws.codepipeline\", \"region\": \"us-east-1\", \"detail\": {\"pipeline\": \"ecs-webapp\"}}";
        String wrapped = "{\"Type\": \"Notification\", \"Message\": "
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(event) + "}";
        sqs.sendMessage(b -> b.queueUrl(queue.toString()).messageBody(wrapped));

        push.start();

        awaitUntil(() -> watcher.changed.contains("ecs-webapp"));
        awaitUntil(() -> "0".equals(messagesIn(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                && "0".equals(messagesIn(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
        assertThat(watcher.changed).containsOnly("ecs-webapp");
        assertThat(push.running()).isTrue();
        assertThat(watcher.listening).isTrue();
    }

    @Test
    void aQueueThatVanishesPausesPushModeUntilItIsBack() throws Exception {
        push.start();
        awaitUntil(() -> watcher.listening);

        sqs.deleteQueue(b -> b.queueUrl(queue.toString()));
        awaitUntil(() -> !watcher.listening);
        assertThat(push.running()).isTrue();

        sandbox.control().sendEventsTo("pipeline-events");
        awaitUntil(() -> watcher.listening);
        sandbox.control().pushCommit("nightly-reports", "Back again", "dev");
        awaitUntil(() -> watcher.changed.contains("nightly-reports"));
    }

    @Test
    void aDeniedReceiveStopsPushModeForGood() throws Exception {
        sandbox.identity().denyAction("sqs:ReceiveMessage", "Approver");

        push.start();

        awaitUntil(() -> !push.running());
        assertThat(watcher.listening).isFalse();
        assertThat(watcher.changed).isEmpty();
    }

    @Test
    void anUnreachableEndpointIsRetriedQuietly() throws Exception {
        sandbox.close();
        push.start();
        Thread.sleep(1000);

        assertThat(push.running()).isTrue();
        assertThat(watcher.listening).isFalse();
    }

    private String messagesIn(QueueAttributeName name) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queue.toString()).attributeNames(name)).attributes().get(name);
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    private static final class RecordingWatcher implements PipelineEvents {
        final List<String> changed = new CopyOnWriteArrayList<>();
        volatile boolean listening;

        @Override
        public void pipelinesChanged(Collection<String> pipelineNames) {
            changed.addAll(pipelineNames);
        }

        @Override
        public void listening(boolean now) {
            listening = now;
        }
    }
}
