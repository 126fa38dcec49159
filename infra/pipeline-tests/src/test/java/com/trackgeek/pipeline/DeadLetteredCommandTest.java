package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.DeadLetterReason;
import com.trackgeek.testsupport.SharedInfrastructure;
import com.trackgeek.testsupport.TopicProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sync command no worker can process ends on the dead-letter topic, and its request does not stay
 * running forever: it fails with the dead letter's code, and the next read of the item starts a new fetch.
 */
class DeadLetteredCommandTest {

    private final Pipeline pipeline = Pipeline.get();

    @Test
    void aDeadLetteredCommandFailsItsRequestWithACodeAndTheNextReadFetchesAgain() throws Exception {
        long id = 640_001;
        String key = "ANIME:" + id;
        UUID requestId = UUID.randomUUID();
        recordQueuedRequest(requestId, id);
        String fromANewerProducer = """
                {"kind":"FETCH_REQUESTED","schemaVersion":99,"requestId":"%s","item":{"type":"ANIME","id":%d},
                 "lane":"INTERACTIVE","requestedAt":"2026-12-02T10:15:30Z"}""".formatted(requestId, id);

        try (var deadLetters = TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(),
                Topics.deadLetter(Topics.SYNC_REQUESTS_INTERACTIVE));
             var producer = new KafkaProducer<>(Map.<String, Object>of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers()),
                     new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.SYNC_REQUESTS_INTERACTIVE, key, fromANewerProducer)).get();

            var dead = deadLetters.await(record -> key.equals(record.key()), Duration.ofSeconds(60));
            assertThat(TopicProbe.header(dead, DeadLetterReason.CODE_HEADER)).isEqualTo("MALFORMED_MESSAGE");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> requestStatus(requestId).equals("failed MALFORMED_MESSAGE"));
        assertThat(Database.syncState(MediaType.ANIME, id)).isEqualTo("failed MALFORMED_MESSAGE");

        var next = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + id + "?wait=PT30S");

        assertThat(next.status()).as("a new fetch, not the failed request").isEqualTo(200);
        assertThat(next.body().path("malId").asLong()).isEqualTo(id);
    }

    /** What a producer that keeps request rows (the API) records before it publishes a command. */
    private static void recordQueuedRequest(UUID requestId, long id) throws Exception {
        var postgres = SharedInfrastructure.postgres();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             var insert = connection.prepareStatement("""
                     insert into sync_request (id, media_type, provider_id, kind, lane, status)
                     values (?, 'ANIME', ?, 'FETCH', 'INTERACTIVE', 'queued')""")) {
            insert.setObject(1, requestId);
            insert.setLong(2, id);
            insert.executeUpdate();
        }
    }

    private static String requestStatus(UUID requestId) throws Exception {
        var postgres = SharedInfrastructure.postgres();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             var select = connection.prepareStatement("select status || ' ' || coalesce(error_code, '') from sync_request where id = ?")) {
            select.setObject(1, requestId);
            var rows = select.executeQuery();
            return rows.next() ? rows.getString(1).strip() : "";
        }
    }
}
