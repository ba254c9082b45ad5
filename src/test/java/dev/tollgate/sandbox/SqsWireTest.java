package dev.tollgate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/** The sandbox's SQS (AWS JSON 1.0) through the real SDK client, over HTTP. */
@ExtendWith(QuietLogs.class)
class SqsWireTest {

    private Sandbox sandbox;
    private SqsClient sqs;
    private String queue;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(Instant.parse("2025-06-02T09:30:00Z"))));
        sqs = SdkClients.sqs(sandbox);
        queue = sqs.createQueue(b -> b.queueName("approvals")).queueUrl();
    }

    @AfterEach
    void stop() {
        sqs.close();
        sandbox.close();
    }

    @Test
    void createsFindsAndCountsAQueue() {
        assertThat(queue).isEqualTo(sandbox.endpoint() + "/123456789012/approvals");
        assertThat(sqs.getQueueUrl(b -> b.queueName("approvals")).queueUrl()).isEqualTo(queue);
        assertThat(sqs.createQueue(b -> b.queueName("approvals")).queueUrl()).isEqualTo(queue);
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("one"));
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("two"));

        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(attributes).containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "2")
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "30")
                .containsEntry(QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:us-east-1:123456789012:approvals");
    }

    @Test
    void aLongPollReturnsAsSoonAsAMessageArrives() throws Exception {
        long started = System.nanoTime();
        CompletableFuture<ReceiveMessageResponse> polling = CompletableFuture.supplyAsync(() ->
                sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(10).maxNumberOfMessages(10)));
        Thread.sleep(300);
        assertThat(polling).isNotDone();
        try (SqsClient sender = SdkClients.sqs(sandbox)) {
            sender.sendMessage(b -> b.queueUrl(queue).messageBody("{\"hello\": \"approver\"}"));
        }

        ReceiveMessageResponse received = polling.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        // The SDK checks MD5OfBody itself; a wrong one would have thrown.
        assertThat(received.messages()).extracting(Message::body).containsExactly("{\"hello\": \"approver\"}");
    }

    @Test
    void anEmptyLongPollWaitsItsTimeThenAnswersNothing() {
        long started = System.nanoTime();
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)).messages()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
    }

    @Test
    void longPollsLeaveTheHttpWorkersToOtherCalls() throws Exception {
        ExecutorService pollers = Executors.newFixedThreadPool(8);
        List<SqsClient> clients = new ArrayList<>();
        try (CodePipelineClient codePipeline = SdkClients.codePipeline(sandbox)) {
            List<Future<ReceiveMessageResponse>> polls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                SqsClient client = SdkClients.sqs(sandbox);
                clients.add(client);
                polls.add(pollers.submit(() -> client.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(5))));
            }
            Thread.sleep(300);
            long started = System.nanoTime();
            assertThat(codePipeline.listPipelines().pipelines()).isNotEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(polls).noneMatch(Future::isDone);
        } finally {
            pollers.shutdownNow();
            clients.forEach(SqsClient::close);
        }
    }

    @Test
    void aMessageNotDeletedInTimeIsDeliveredAgain() throws Exception {
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("approve me"));
        Message first = sqs.receiveMessage(b -> b.queueUrl(queue).visibilityTimeout(1)).messages().get(0);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queue)).messages()).isEmpty();

        Message again = sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(3)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().get(0);

        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.receiptHandle()).isNotEqualTo(first.receiptHandle());
        assertThat(again.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
    }

    @Test
    void aStaleReceiptHandleDeletesNothingAndAForgedOneIsRefused() throws Exception {
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("approve me"));
        Message first = sqs.receiveMessage(b -> b.queueUrl(queue).visibilityTimeout(1)).messages().get(0);
        Message latest = sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(3).visibilityTimeout(30))
                .messages().get(0);

        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(first.receiptHandle()));
        assertThat(count(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).isEqualTo("1");
        assertThatThrownBy(() -> sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle("not-a-handle")))
                .isInstanceOf(ReceiptHandleIsInvalidException.class);

        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(latest.receiptHandle()));
        assertThat(count(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).isEqualTo("0");
        // Deleting what is already gone succeeds, as on SQS.
        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(latest.receiptHandle()));
    }

    @Test
    void deletesInBatchesAndReportsEachEntry() {
        for (int i = 0; i < 3; i++) {
            String body = "event " + i;
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body));
        }
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages();
        assertThat(messages).hasSize(3);

        DeleteMessageBatchResponse deleted = sqs.deleteMessageBatch(b -> b.queueUrl(queue).entries(
                e -> e.id("a").receiptHandle(messages.get(0).receiptHandle()),
                e -> e.id("b").receiptHandle(messages.get(1).receiptHandle()),
                e -> e.id("c").receiptHandle("forged")));

        assertThat(deleted.successful()).extracting(s -> s.id()).containsExactly("a", "b");
        assertThat(deleted.failed()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("c");
            assertThat(f.code()).isEqualTo("ReceiptHandleIsInvalid");
            assertThat(f.senderFault()).isTrue();
        });
        assertThatThrownBy(() -> sqs.deleteMessageBatch(b -> b.queueUrl(queue).entries(
                java.util.stream.IntStream.range(0, 11).mapToObj(i -> software.amazon.awssdk.services.sqs.model
                        .DeleteMessageBatchRequestEntry.builder().id("e" + i).receiptHandle("x").build()).toList())))
                .isInstanceOf(TooManyEntriesInBatchRequestException.class);
    }

    @Test
    void answersErrorsAsTheSdkExpectsThem() {
        assertThatThrownBy(() -> sqs.getQueueUrl(b -> b.queueName("nope")))
                .isInstanceOfSatisfying(QueueDoesNotExistException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue"));
        assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(sandbox.endpoint() + "/123456789012/nope")))
                .isInstanceOf(QueueDoesNotExistException.class);
        assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(11)))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.getMessage()).contains("MaxNumberOfMessages");
                });
        assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(21)))
                .isInstanceOfSatisfying(SqsException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("approvals")
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5"))))
                .isInstanceOf(QueueNameExistsException.class);
        sqs.purgeQueue(b -> b.queueUrl(queue));
        assertThatThrownBy(() -> sqs.purgeQueue(b -> b.queueUrl(queue)))
                .isInstanceOf(PurgeQueueInProgressException.class);
    }

    @Test
    void aDeletedQueueAnswersItsWaitingReceiveAndThenDoesNotExist() throws Exception {
        CompletableFuture<ReceiveMessageResponse> polling = CompletableFuture.supplyAsync(() ->
                sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(10)));
        Thread.sleep(200);
        try (SqsClient other = SdkClients.sqs(sandbox)) {
            other.deleteQueue(b -> b.queueUrl(queue));
        }
        assertThat(polling.get(3, TimeUnit.SECONDS).messages()).isEmpty();
        assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(queue)))
                .isInstanceOf(QueueDoesNotExistException.class);
    }

    private String count(QueueAttributeName name) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(name)).attributes().get(name);
    }
}
