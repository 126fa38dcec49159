package com.trackgeek.api;

import com.trackgeek.contracts.ItemEmbedded;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.DeadLetterReason;
import com.trackgeek.testsupport.SharedInfrastructure;
import com.trackgeek.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The events every instance reads in a group of its own (sync events, embedding events) are never retried, but a
 * poison record among them (unreadable, of an unknown schema version, without a value) is not just skipped: it goes
 * to the topic's dead-letter topic with its code, its reason and the group that gave up, and the instance hears the
 * next event.
 */
class PoisonEventsTest extends ApiIntegrationTest {

    @Test
    void aSyncEventThatIsPoisonIsDeadLetteredByThisInstanceAndTheNextEventIsHeard() throws Exception {
        MediaKey item = newAnimeKey();
        Map<String, byte[]> poison = Map.of(
                "unreadable-" + UUID.randomUUID(), bytes("{\"event\":\"ITEM_SYNCED\",\"schemaVersion\":1,\"requestId\":"),
                "future-" + UUID.randomUUID(), bytes("""
                        {"event":"ITEM_SYNCED","schemaVersion":99,"requestId":"%s","item":{"type":"ANIME","id":%d},
                         "syncedAt":"2026-12-03T10:15:30Z"}""".formatted(UUID.randomUUID(), item.id())));
        String noValue = "no-value-" + UUID.randomUUID();
        try (var deadLetters = probe(Topics.SYNC_EVENTS)) {
            double heard = meters.find("trackgeek.api.sync.events").tag("event", "ItemSynced").counters().stream().mapToDouble(c -> c.count()).sum();
            poison.forEach((key, value) -> kafka.send(Topics.SYNC_EVENTS, key, value));
            kafka.send(Topics.SYNC_EVENTS, noValue, null);
            kafka.send(Topics.SYNC_EVENTS, item.toString(), ItemSynced.of(UUID.randomUUID(), item, Instant.now())).get();

            List<ConsumerRecord<String, String>> dead = awaitDeadLetters(deadLetters, List.of(noValue, key(poison, "unreadable"), key(poison, "future")));
            assertThat(dead).allSatisfy(letter -> {
                assertThat(TopicProbe.header(letter, DeadLetterReason.CODE_HEADER)).isEqualTo("MALFORMED_MESSAGE");
                assertThat(TopicProbe.header(letter, DeadLetterReason.REASON_HEADER)).isNotBlank();
                assertThat(TopicProbe.header(letter, "kafka_dlt-original-consumer-group")).startsWith("api-");
            });
            assertThat(TopicProbe.header(dead.get(2), DeadLetterReason.REASON_HEADER)).contains("schema version 99");
            await("the valid event after the poison heard").atMost(Duration.ofSeconds(30)).until(() ->
                    meters.find("trackgeek.api.sync.events").tag("event", "ItemSynced").counters().stream().mapToDouble(c -> c.count()).sum() > heard);
        }
    }

    @Test
    void anEmbeddingEventThatIsPoisonIsDeadLetteredByThisInstance() throws Exception {
        awaitEmbeddingEventsHeard();
        String unreadable = "unreadable-" + UUID.randomUUID();
        String future = "future-" + UUID.randomUUID();
        try (var deadLetters = probe(Topics.EMBEDDING_EVENTS)) {
            kafka.send(Topics.EMBEDDING_EVENTS, unreadable, bytes("[\"not\",\"an\",\"event\"]"));
            kafka.send(Topics.EMBEDDING_EVENTS, future, bytes("""
                    {"schemaVersion":99,"requestId":"%s","item":{"type":"ANIME","id":1},"model":"m","dimensions":1,
                     "embeddedAt":"2026-12-03T10:15:30Z"}""".formatted(UUID.randomUUID()))).get();

            List<ConsumerRecord<String, String>> dead = awaitDeadLetters(deadLetters, List.of(unreadable, future));
            assertThat(dead).allSatisfy(letter -> {
                assertThat(TopicProbe.header(letter, DeadLetterReason.CODE_HEADER)).isEqualTo("MALFORMED_MESSAGE");
                assertThat(TopicProbe.header(letter, "kafka_dlt-original-consumer-group")).startsWith("api-similar-");
            });
            assertThat(TopicProbe.header(dead.get(1), DeadLetterReason.REASON_HEADER)).contains("schema version 99");
        }
    }

    /** The embedding-events consumer has its partitions (it reads from the latest offset): an event sent now is heard. */
    private void awaitEmbeddingEventsHeard() {
        MediaKey probe = MediaKey.of(MediaType.ANIME, 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            double before = meters.find("trackgeek.similar.events").counters().stream().mapToDouble(c -> c.count()).sum();
            kafka.send(Topics.EMBEDDING_EVENTS, probe.toString(), ItemEmbedded.of(UUID.randomUUID(), probe, "probe-model", 1, Instant.now())).get();
            Thread.sleep(300);
            return meters.find("trackgeek.similar.events").counters().stream().mapToDouble(c -> c.count()).sum() > before;
        });
    }

    /** The dead letters of {@code keys}, in that order. */
    private static List<ConsumerRecord<String, String>> awaitDeadLetters(TopicProbe deadLetters, List<String> keys) {
        var found = new java.util.HashMap<String, ConsumerRecord<String, String>>();
        while (found.size() < keys.size()) {
            ConsumerRecord<String, String> letter = deadLetters.await(r -> keys.contains(r.key()), Duration.ofSeconds(30));
            assertThat(found.put(letter.key(), letter)).as("dead-lettered once: " + letter.key()).isNull();
        }
        return keys.stream().map(found::get).toList();
    }

    private static String key(Map<String, byte[]> poison, String prefix) {
        return poison.keySet().stream().filter(key -> key.startsWith(prefix)).findFirst().orElseThrow();
    }

    private static TopicProbe probe(String topic) {
        return TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), Topics.deadLetter(topic));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
