package com.trackgeek.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads what is published to one topic from the moment the probe is opened, as strings: lets a test
 * assert what really went over the wire (a dead-letter record and its headers, an event).
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    private TopicProbe(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    public static TopicProbe openAtEnd(String bootstrapServers, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything new arrives
        return new TopicProbe(consumer);
    }

    /** Waits up to {@code timeout} for the first record that matches. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> matching, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (matching.test(record)) {
                    return record;
                }
                seen.add(record.key() + "=" + record.value());
            }
        }
        throw new AssertionError("no matching record within " + timeout + "; saw " + seen);
    }

    /** Everything that arrives within {@code window}. */
    public List<ConsumerRecord<String, String>> drain(Duration window) {
        Instant deadline = Instant.now().plus(window);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    /** A header's value as text, or null when the record has no such header. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
