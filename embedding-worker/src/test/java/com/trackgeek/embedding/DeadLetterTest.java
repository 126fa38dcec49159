package com.trackgeek.embedding;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.DeadLetterReason;
import com.trackgeek.testsupport.SharedInfrastructure;
import com.trackgeek.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTest extends WorkerIntegrationTest {

    @Test
    void garbageOnTheHighLaneGoesToItsDeadLetterTopic() {
        String garbage = "not an embedding request " + UUID.randomUUID();
        try (var deadLetters = probe(Topics.EMBEDDING_REQUESTS_HIGH)) {
            MediaKey item = newAnimeKey();
            kafka.send(Topics.EMBEDDING_REQUESTS_HIGH, item.toString(), garbage.getBytes(StandardCharsets.UTF_8));
            EmbeddingRequested next = publish(EmbeddingLane.HIGH, item);

            ConsumerRecord<String, String> dead = deadLetters.await(r -> garbage.equals(r.value()), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(dead, DeadLetterReason.CODE_HEADER)).isEqualTo("MALFORMED_MESSAGE");
            assertThat(TopicProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.EMBEDDING_REQUESTS_HIGH);
            assertThat(awaitOutcome(next.requestId())).as("the lane carries on").isEqualTo("item_missing");
        }
    }

    @Test
    void garbageInALowBatchGoesToItsDeadLetterTopicAndItsNeighboursAreProcessed() {
        String garbage = "{\"schemaVersion\":1,\"requestId\":\"" + UUID.randomUUID() + "\"}"; // no item: unreadable
        MediaKey item = newAnimeKey(); // one key: one partition, so the three arrive in order in one batch
        try (var deadLetters = probe(Topics.EMBEDDING_REQUESTS_LOW)) {
            EmbeddingRequested before = EmbeddingRequested.of(UUID.randomUUID(), item, EmbeddingLane.LOW, java.time.Instant.now());
            EmbeddingRequested after = EmbeddingRequested.of(UUID.randomUUID(), item, EmbeddingLane.LOW, java.time.Instant.now());
            kafka.send(Topics.EMBEDDING_REQUESTS_LOW, item.toString(), before);
            kafka.send(Topics.EMBEDDING_REQUESTS_LOW, item.toString(), garbage.getBytes(StandardCharsets.UTF_8));
            kafka.send(Topics.EMBEDDING_REQUESTS_LOW, item.toString(), after);
            kafka.flush();

            ConsumerRecord<String, String> dead = deadLetters.await(r -> garbage.equals(r.value()), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(dead, DeadLetterReason.CODE_HEADER)).isEqualTo("MALFORMED_MESSAGE");
            assertThat(TopicProbe.header(dead, DeadLetterReason.REASON_HEADER)).startsWith("unreadable EmbeddingRequested");
            assertThat(awaitOutcome(before.requestId())).isEqualTo("item_missing");
            assertThat(awaitOutcome(after.requestId())).isEqualTo("item_missing");
            assertThat(deadLetters.drain(Duration.ofSeconds(2))).as("only the garbage is dead-lettered").isEmpty();
        }
    }

    @Test
    void recordsWithoutAMessageInALowBatchAreDeadLetteredAloneAndTheirNeighboursAreProcessed() {
        MediaKey item = newAnimeKey(); // one key: one partition, so the four arrive in order in one batch
        try (var deadLetters = probe(Topics.EMBEDDING_REQUESTS_LOW)) {
            EmbeddingRequested before = EmbeddingRequested.of(UUID.randomUUID(), item, EmbeddingLane.LOW, java.time.Instant.now());
            EmbeddingRequested after = EmbeddingRequested.of(UUID.randomUUID(), item, EmbeddingLane.LOW, java.time.Instant.now());
            kafka.send(Topics.EMBEDDING_REQUESTS_LOW, item.toString(), before);
            kafka.send(Topics.EMBEDDING_REQUESTS_LOW, item.toString(), null);
            kafka.send(Topics.EMBEDDING_REQUESTS_LOW, item.toString(), "null".getBytes(StandardCharsets.UTF_8));
            kafka.send(Topics.EMBEDDING_REQUESTS_LOW, item.toString(), after);
            kafka.flush();

            ConsumerRecord<String, String> noValue = deadLetters.await(r -> r.value() == null, Duration.ofSeconds(30));
            ConsumerRecord<String, String> jsonNull = deadLetters.await(r -> "null".equals(r.value()), Duration.ofSeconds(30));
            for (ConsumerRecord<String, String> dead : List.of(noValue, jsonNull)) {
                assertThat(TopicProbe.header(dead, DeadLetterReason.CODE_HEADER)).isEqualTo("MALFORMED_MESSAGE");
            }
            assertThat(TopicProbe.header(noValue, DeadLetterReason.REASON_HEADER)).contains("no value");
            assertThat(TopicProbe.header(jsonNull, DeadLetterReason.REASON_HEADER)).contains("JSON null");
            assertThat(awaitOutcome(before.requestId())).isEqualTo("item_missing");
            assertThat(awaitOutcome(after.requestId())).isEqualTo("item_missing");
            assertThat(deadLetters.drain(Duration.ofSeconds(2))).as("only the two are dead-lettered").isEmpty();
        }
    }

    @Test
    void aHighRequestWithoutAValueIsDeadLetteredAtOnceAsMalformed() {
        MediaKey item = newAnimeKey();
        try (var deadLetters = probe(Topics.EMBEDDING_REQUESTS_HIGH)) {
            kafka.send(Topics.EMBEDDING_REQUESTS_HIGH, item.toString(), null);

            ConsumerRecord<String, String> dead = deadLetters.await(r -> item.toString().equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(dead, DeadLetterReason.CODE_HEADER)).isEqualTo("MALFORMED_MESSAGE");
            assertThat(TopicProbe.header(dead, DeadLetterReason.REASON_HEADER)).contains("Payload value must not be empty");
        }
    }

    @Test
    void aRequestOfAnUnsupportedSchemaVersionIsDeadLetteredOnEitherLane() {
        for (EmbeddingLane lane : EmbeddingLane.values()) {
            MediaKey item = newAnimeKey();
            UUID requestId = UUID.randomUUID();
            String future = """
                    {"schemaVersion":99,"requestId":"%s","item":{"type":"ANIME","id":%d},"lane":"%s",
                     "requestedAt":"2026-11-21T10:15:30Z"}""".formatted(requestId, item.id(), lane);
            try (var deadLetters = probe(lane.topic())) {
                kafka.send(lane.topic(), item.toString(), future.getBytes(StandardCharsets.UTF_8));

                ConsumerRecord<String, String> dead = deadLetters.await(r -> item.toString().equals(r.key()), Duration.ofSeconds(30));
                assertThat(TopicProbe.header(dead, DeadLetterReason.CODE_HEADER)).isEqualTo("MALFORMED_MESSAGE");
                assertThat(TopicProbe.header(dead, DeadLetterReason.REASON_HEADER)).contains("schema version 99");
                assertThat(outcome(requestId)).as("not processed").isEmpty();
            }
        }
    }

    private static TopicProbe probe(String topic) {
        return TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), Topics.deadLetter(topic));
    }

}
