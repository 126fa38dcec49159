package com.trackgeek.servicekit;

import com.trackgeek.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import java.nio.charset.StandardCharsets;

/**
 * Publishes a record a consumer gave up on to {@code <topic>.dlt} (same partition), with its original bytes and
 * headers, Spring Kafka's {@code kafka_dlt-*} headers (among them the consumer group that gave up) and the
 * pipeline's code and reason ({@link DeadLetterReason}); logs it and counts it
 * ({@code trackgeek.kafka.dead.letters}). The pipeline's error handler ends with it; a consumer with an error
 * handler of its own (the api's per-instance event consumers) uses it for the records it cannot read.
 */
public final class DeadLetterPublisher implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final DeadLetterPublishingRecoverer recoverer;

    DeadLetterPublisher(KafkaTemplate<Object, Object> template, ObjectProvider<MeterRegistry> meterRegistry) {
        recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        recoverer.setHeadersFunction((record, failure) -> {
            var code = DeadLetterReason.codeOf(failure);
            var reason = DeadLetterReason.reasonOf(failure);
            log.warn("Dead-lettering {}-{}@{} (key {}): {} {}", record.topic(), record.partition(), record.offset(),
                    record.key(), code, reason);
            meterRegistry.ifAvailable(registry -> registry.counter("trackgeek.kafka.dead.letters",
                    "topic", record.topic(), "lane", Topics.lane(record.topic()), "code", code.name()).increment());
            var headers = new RecordHeaders();
            headers.add(DeadLetterReason.CODE_HEADER, code.name().getBytes(StandardCharsets.UTF_8));
            headers.add(DeadLetterReason.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            return headers;
        });
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception failure) {
        recoverer.accept(record, failure);
    }
}
