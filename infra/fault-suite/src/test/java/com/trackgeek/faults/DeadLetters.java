package com.trackgeek.faults;

import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.DeadLetterReason;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What arrives on the dead-letter topics of a set of topics from the moment this reader is opened, as raw bytes (a
 * dead letter keeps its original value and headers), each with the group that gave up on it and the code and reason
 * it carries.
 */
final class DeadLetters implements AutoCloseable {

    /** Spring Kafka's header naming the consumer group that dead-lettered the record. */
    static final String GROUP_HEADER = "kafka_dlt-original-consumer-group";

    record DeadLetter(String poisonId, String originalTopic, String group, String code, String reason) {
    }

    /** What identifies one expected dead letter: the poison record's id and the group that gave up on it. */
    static String key(DeadLetter letter) {
        return letter.poisonId() + " " + letter.group();
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<DeadLetter> received = new ArrayList<>();

    /** Positioned at the current end of every dead-letter topic of {@code topics}. */
    DeadLetters(String bootstrapServers, Collection<String> topics) {
        consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = topics.stream().map(Topics::deadLetter)
                .flatMap(deadLetter -> consumer.partitionsFor(deadLetter).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // the end now, before any poison is sent
    }

    /** Reads on for {@code window}; returns everything received since the reader was opened. */
    List<DeadLetter> readFor(Duration window) {
        Instant deadline = Instant.now().plus(window);
        while (Instant.now().isBefore(deadline)) {
            poll();
        }
        return List.copyOf(received);
    }

    private void poll() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(250))) {
            received.add(new DeadLetter(header(record, PoisonRecords.ID_HEADER), header(record, "kafka_dlt-original-topic"),
                    header(record, GROUP_HEADER), header(record, DeadLetterReason.CODE_HEADER),
                    header(record, DeadLetterReason.REASON_HEADER)));
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
