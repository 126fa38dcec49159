package com.trackgeek.servicekit.queuemetrics;

import com.trackgeek.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The backlog of every consumer group this service runs, per topic ({@code trackgeek.kafka.consumer.lag
 * {group,topic,lane}}, in messages): the queue depth an operator watches. Read from Kafka itself (end offsets minus
 * the group's committed offsets), on a schedule, so a scrape costs nothing and the figure is the broker's, not a
 * consumer's guess. A partition the group never committed counts from its earliest offset, as the groups read
 * from the earliest. Every replica of a service reads the same groups: dashboards take the max, not the sum.
 */
final class ConsumerLag implements SmartLifecycle {

    static final String NAME = "trackgeek.kafka.consumer.lag";
    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;
    private final KafkaAdmin kafkaAdmin;
    private final QueueMetricsProperties properties;
    private final MultiGauge lag;
    private ScheduledExecutorService schedule;
    private Admin admin;

    ConsumerLag(ObjectProvider<KafkaListenerEndpointRegistry> listeners, KafkaAdmin kafkaAdmin, QueueMetricsProperties properties,
                MeterRegistry registry) {
        this.listeners = listeners;
        this.kafkaAdmin = kafkaAdmin;
        this.properties = properties;
        this.lag = MultiGauge.builder(NAME)
                .description("Messages waiting for a consumer group of this service, per topic and lane")
                .baseUnit("messages")
                .register(registry);
    }

    /** Reads the backlog once and publishes it; keeps the previous figures when Kafka does not answer. */
    void sample() {
        try {
            Map<String, Long> byGroupAndTopic = new TreeMap<>();
            for (var group : groupsAndTopics().entrySet()) {
                measure(group.getKey(), group.getValue()).forEach((topic, messages) ->
                        byGroupAndTopic.put(group.getKey() + "\u0000" + topic, messages));
            }
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            byGroupAndTopic.forEach((key, messages) -> {
                String[] groupAndTopic = key.split("\u0000", 2);
                rows.add(MultiGauge.Row.of(Tags.of("group", groupAndTopic[0], "topic", groupAndTopic[1],
                        "lane", Topics.lane(groupAndTopic[1])), messages));
            });
            lag.register(rows, true);
        } catch (Exception e) {
            log.debug("Consumer lag not read this time: {}", e.toString());
        }
    }

    private Map<String, Set<String>> groupsAndTopics() {
        Map<String, Set<String>> groups = new TreeMap<>();
        var registry = listeners.getIfAvailable();
        if (registry == null) {
            return groups; // a service without listeners (the provider simulator) has no backlog of its own
        }
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            String[] topics = container.getContainerProperties().getTopics();
            if (container.getGroupId() == null || topics == null) {
                continue;
            }
            groups.computeIfAbsent(container.getGroupId(), group -> new TreeSet<>()).addAll(List.of(topics));
        }
        return groups;
    }

    private Map<String, Long> measure(String group, Collection<String> topics) throws Exception {
        long timeout = properties.consumerLagTimeout().toMillis();
        Admin kafka = admin();
        var partitions = kafka.describeTopics(topics).allTopicNames().get(timeout, TimeUnit.MILLISECONDS).values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .toList();
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(timeout, TimeUnit.MILLISECONDS);
        var latest = kafka.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(timeout, TimeUnit.MILLISECONDS);
        var earliest = kafka.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
                .all().get(timeout, TimeUnit.MILLISECONDS);
        Map<String, Long> byTopic = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long from = offset != null ? offset.offset() : earliest.get(partition).offset();
            long waiting = Math.max(0, latest.get(partition).offset() - from);
            byTopic.merge(partition.topic(), waiting, Long::sum);
        }
        return byTopic;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void start() {
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "consumer-lag");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.consumerLagInterval().toMillis();
        schedule.scheduleWithFixedDelay(this::sample, Math.min(every, 1000), every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
            admin = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }
}
