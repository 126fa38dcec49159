package com.trackgeek.servicekit;

import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.contracts.Topics;
import com.trackgeek.testsupport.SharedInfrastructure;
import com.trackgeek.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = DeadLetterPublishingTest.ListeningService.class,
        properties = {"spring.kafka.consumer.auto-offset-reset=earliest", "spring.config.name=none"})
class DeadLetterPublishingTest {

    private static final String TOPIC = Topics.SYNC_REQUESTS_BULK;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
    }

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    ListeningService service;

    @Test
    void garbageGoesToTheDeadLetterTopicWithItsReasonAndTheNextMessageIsProcessed() {
        try (var deadLetters = TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), Topics.deadLetter(TOPIC))) {
            MediaKey key = MediaKey.of(MediaType.ANIME, 777001);
            kafka.send(TOPIC, key.toString(), "this is not json".getBytes(StandardCharsets.UTF_8));
            var valid = FetchRequested.of(UUID.randomUUID(), key, SyncLane.BULK, Instant.now());
            kafka.send(TOPIC, key.toString(), valid);

            ConsumerRecord<String, String> dead = deadLetters.await(r -> r.value().equals("this is not json"), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(dead, DeadLetterReason.CODE_HEADER)).isEqualTo("MALFORMED_MESSAGE");
            assertThat(TopicProbe.header(dead, DeadLetterReason.REASON_HEADER)).isNotBlank();
            assertThat(TopicProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
            await().atMost(Duration.ofSeconds(30)).until(() -> service.received.contains(valid));
        }
    }

    @Test
    void aMessageOfAnUnsupportedSchemaVersionIsDeadLetteredWithoutRetries() {
        try (var deadLetters = TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), Topics.deadLetter(TOPIC))) {
            String future = """
                    {"kind":"FETCH_REQUESTED","schemaVersion":99,"requestId":"%s","item":{"type":"ANIME","id":777002},
                     "lane":"BULK","requestedAt":"2026-11-21T10:15:30Z"}""".formatted(UUID.randomUUID());
            kafka.send(TOPIC, "ANIME:777002", future.getBytes(StandardCharsets.UTF_8));

            ConsumerRecord<String, String> dead = deadLetters.await(r -> "ANIME:777002".equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(dead, DeadLetterReason.CODE_HEADER)).isEqualTo("MALFORMED_MESSAGE");
            assertThat(TopicProbe.header(dead, DeadLetterReason.REASON_HEADER)).contains("schema version 99");
            assertThat(service.toldOfDeadLetters).as("the owner of the work heard of it, with the same code and reason")
                    .contains("ANIME:777002 MALFORMED_MESSAGE " + TopicProbe.header(dead, DeadLetterReason.REASON_HEADER));
        }
    }


    @Test
    void aMessageLargerThanAnyMessageCanBeIsDeadLetteredUnreadAndTheNextMessageIsProcessed() {
        try (var deadLetters = TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), Topics.deadLetter(TOPIC))) {
            MediaKey key = MediaKey.of(MediaType.ANIME, 777003);
            UUID padded = UUID.randomUUID();
            String oversized = """
                    {"kind":"FETCH_REQUESTED","schemaVersion":1,"requestId":"%s","item":{"type":"ANIME","id":777003},
                     "lane":"BULK","requestedAt":"2026-11-21T10:15:30Z","padding":"%s"}""".formatted(padded, "x".repeat(300_000));
            kafka.send(TOPIC, key.toString(), oversized.getBytes(StandardCharsets.UTF_8));
            var valid = FetchRequested.of(UUID.randomUUID(), key, SyncLane.BULK, Instant.now());
            kafka.send(TOPIC, key.toString(), valid);

            ConsumerRecord<String, String> dead = deadLetters.await(r -> key.toString().equals(r.key()), Duration.ofSeconds(30));
            assertThat(dead.value()).as("the original bytes").isEqualTo(oversized);
            assertThat(TopicProbe.header(dead, DeadLetterReason.CODE_HEADER)).isEqualTo("MALFORMED_MESSAGE");
            assertThat(TopicProbe.header(dead, DeadLetterReason.REASON_HEADER))
                    .contains("larger than any message of " + TOPIC).contains("trackgeek.kafka.max-message-size 262144 bytes");
            await().atMost(Duration.ofSeconds(30)).until(() -> service.received.contains(valid));
            assertThat(service.received).as("a valid message padded beyond the limit is not processed")
                    .noneMatch(request -> request.requestId().equals(padded));
        }
    }

    @Test
    void aRecordWithoutAValueIsDeadLetteredAsMalformed() {
        try (var deadLetters = TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), Topics.deadLetter(TOPIC))) {
            kafka.send(TOPIC, "ANIME:777004", null);

            ConsumerRecord<String, String> dead = deadLetters.await(r -> "ANIME:777004".equals(r.key()), Duration.ofSeconds(30));
            assertThat(dead.value()).isNull();
            assertThat(TopicProbe.header(dead, DeadLetterReason.CODE_HEADER)).isEqualTo("MALFORMED_MESSAGE");
            assertThat(TopicProbe.header(dead, DeadLetterReason.REASON_HEADER)).isNotBlank();
        }
    }


    @SpringBootApplication
    static class ListeningService {

        final List<SyncRequest> received = new CopyOnWriteArrayList<>();
        final List<String> toldOfDeadLetters = new CopyOnWriteArrayList<>();

        @org.springframework.context.annotation.Bean
        DeadLetterListener recordingDeadLetterListener() {
            return (record, code, reason) -> toldOfDeadLetters.add(record.key() + " " + code + " " + reason);
        }

        @KafkaListener(topics = TOPIC, groupId = "service-kit-test")
        void on(SyncRequest request) {
            if (!request.isSupportedVersion()) {
                throw new UnprocessableMessageException(com.trackgeek.contracts.ErrorCode.MALFORMED_MESSAGE,
                        "unsupported schema version " + request.schemaVersion());
            }
            received.add(request);
        }
    }
}
