package com.trackgeek.embedding.lane;

import com.trackgeek.contracts.EmbeddingLane;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The backlog of each lane for the whole consumer group (all instances): end offsets minus committed offsets,
 * sampled in the background so that a scrape never waits for Kafka. The consumers' own lag metrics only
 * cover the partitions one instance holds, and say nothing while a lane is paused.
 */
@Component
final class LaneBacklog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LaneBacklog.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final KafkaAdmin kafkaAdmin;
    private final KafkaListenerEndpointRegistry registry;
    private final TaskScheduler scheduler;
    private final LaneProperties properties;
    private final Map<EmbeddingLane, AtomicLong> backlog = new EnumMap<>(EmbeddingLane.class);
    private Admin admin;
    private ScheduledFuture<?> sampling;

    LaneBacklog(KafkaAdmin kafkaAdmin, KafkaListenerEndpointRegistry registry, TaskScheduler scheduler,
                LaneProperties properties, MeterRegistry meters) {
        this.kafkaAdmin = kafkaAdmin;
        this.registry = registry;
        this.scheduler = scheduler;
        this.properties = properties;
        for (EmbeddingLane lane : EmbeddingLane.values()) {
            AtomicLong value = new AtomicLong(-1); // -1 until first measured
            backlog.put(lane, value);
            Gauge.builder("trackgeek.embedding.backlog", value, AtomicLong::get)
                    .description("Requests waiting in the lane for the consumer group (-1 until measured)")
                    .tag("lane", lane.name().toLowerCase(Locale.ROOT))
                    .register(meters);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        sampling = scheduler.scheduleWithFixedDelay(this::sample, properties.backlogSampleInterval());
    }

    void sample() {
        var container = registry.getListenerContainer(LaneContainers.HIGH);
        String group = container == null ? null : container.getGroupId();
        if (group == null) {
            return;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (EmbeddingLane lane : EmbeddingLane.values()) {
                backlog.get(lane).set(backlogOf(lane.topic(), committed));
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("Could not measure the lanes' backlog", e);
        }
    }

    private long backlogOf(String topic, Map<TopicPartition, OffsetAndMetadata> committed) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        partitions.forEach(info -> {
            latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest());
            earliest.put(new TopicPartition(topic, info.partition()), OffsetSpec.earliest());
        });
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts =
                admin.listOffsets(earliest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long total = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            // Never committed: the group starts at the beginning (auto.offset.reset=earliest).
            long from = done != null ? done.offset() : starts.get(end.getKey()).offset();
            total += Math.max(0, end.getValue().offset() - from);
        }
        return total;
    }

    @Override
    public synchronized void close() {
        if (sampling != null) {
            sampling.cancel(true);
        }
        if (admin != null) {
            admin.close();
        }
    }
}
