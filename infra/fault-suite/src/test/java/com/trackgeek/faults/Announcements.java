package com.trackgeek.faults;

import com.trackgeek.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How many times each sync request was announced finished on {@code trackgeek.sync-events} (an {@code ItemSynced} or
 * a {@code SyncFailed}), read from the topic's beginning to its end: the guarantee "nothing twice" seen from a
 * consumer. A request redelivered after a crash must be recognised as finished, not synced and announced again.
 */
final class Announcements {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Announcements() {
    }

    static Map<UUID, Integer> perRequest(String bootstrapServers, Collection<UUID> requests) {
        Set<UUID> wanted = Set.copyOf(requests);
        Map<UUID, Integer> counts = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SYNC_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    requestId(record.value()).filter(wanted::contains).ifPresent(id -> counts.merge(id, 1, Integer::sum));
                }
            }
        }
        return counts;
    }

    /** The request an event announces; empty for a record that is no event (the poison scenario leaves such records here). */
    private static Optional<UUID> requestId(String value) {
        try {
            JsonNode event = value == null ? null : JSON.readTree(value);
            String requestId = event == null ? null : event.path("requestId").asString(null);
            return requestId == null ? Optional.empty() : Optional.of(UUID.fromString(requestId));
        } catch (JacksonException | IllegalArgumentException noEvent) {
            return Optional.empty();
        }
    }
}
