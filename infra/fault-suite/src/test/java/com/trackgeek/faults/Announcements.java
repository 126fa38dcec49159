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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How each sync request was announced finished on {@code trackgeek.sync-events} (an {@code ItemSynced} or a
 * {@code SyncFailed}), read from the topic's beginning to its end: the guarantee "nothing twice" seen from a
 * consumer. Events are delivered at least once: a command redelivered after a fault (its offset not committed) finds
 * its request finished and repeats the same outcome, which every consumer takes as already known. What must never
 * happen is a request announced with two different outcomes: that would be work done twice.
 */
final class Announcements {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Announcements() {
    }

    /** Per request, the outcomes announced for it in the order they were announced (e.g. {@code ITEM_SYNCED}, {@code SYNC_FAILED/TMDB_SERVICE_UNAVAILABLE}: the event and its code). */
    static Map<UUID, List<String>> perRequest(String bootstrapServers, Collection<UUID> requests) {
        Set<UUID> wanted = Set.copyOf(requests);
        Map<UUID, List<String>> outcomes = new HashMap<>();
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
                    event(record.value()).filter(event -> wanted.contains(event.requestId()))
                            .ifPresent(event -> outcomes.computeIfAbsent(event.requestId(), id -> new ArrayList<>()).add(event.outcome()));
                }
            }
        }
        return outcomes;
    }

    /** Requests announced more than once with the same outcome: a redelivery repeating what was already known. */
    static long repeated(Map<UUID, List<String>> announced) {
        return announced.values().stream().filter(outcomes -> outcomes.size() > 1 && Set.copyOf(outcomes).size() == 1).count();
    }

    /** Requests announced with two different outcomes: work done twice. */
    static long conflicting(Map<UUID, List<String>> announced) {
        return announced.values().stream().filter(outcomes -> Set.copyOf(outcomes).size() > 1).count();
    }

    private record Announcement(UUID requestId, String outcome) {
    }

    /** The request an event announces and its outcome; empty for a record that is no event (the poison scenario leaves such records here). */
    private static Optional<Announcement> event(String value) {
        try {
            JsonNode event = value == null ? null : JSON.readTree(value);
            String requestId = event == null ? null : event.path("requestId").asString(null);
            if (requestId == null) {
                return Optional.empty();
            }
            String code = event.path("code").asString(null);
            String outcome = event.path("event").asString("?") + (code == null ? "" : "/" + code);
            return Optional.of(new Announcement(UUID.fromString(requestId), outcome));
        } catch (JacksonException | IllegalArgumentException noEvent) {
            return Optional.empty();
        }
    }
}
