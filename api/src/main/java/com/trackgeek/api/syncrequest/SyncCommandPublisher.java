package com.trackgeek.api.syncrequest;

import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.servicekit.AcknowledgedSend;
import com.trackgeek.servicekit.PipelineUnavailableException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Puts sync commands on their lane's topic and waits, bounded, for the broker's acknowledgement: the API
 * promises a caller nothing (no 202, no waiting) for a command Kafka has not accepted.
 */
@Component
final class SyncCommandPublisher {

    private final KafkaTemplate<Object, Object> kafka;
    private final Duration timeout;

    SyncCommandPublisher(KafkaTemplate<Object, Object> kafka, SyncProperties properties) {
        this.kafka = kafka;
        this.timeout = properties.publishTimeout();
    }

    void publish(SyncRequest command) {
        try {
            AcknowledgedSend.send(kafka, command.lane().topic(), command.item().toString(), command, timeout);
        } catch (PipelineUnavailableException e) {
            throw new CommandNotPublishedException(command, e.getCause());
        }
    }
}
