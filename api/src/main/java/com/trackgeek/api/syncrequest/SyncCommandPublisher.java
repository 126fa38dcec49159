package com.trackgeek.api.syncrequest;

import com.trackgeek.contracts.SyncRequest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
            kafka.send(command.lane().topic(), command.item().toString(), command)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandNotPublishedException(command, e);
        } catch (ExecutionException e) {
            throw new CommandNotPublishedException(command, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            // send() itself throws when the producer cannot even get the topic's metadata (broker down).
            throw new CommandNotPublishedException(command, e);
        }
    }
}
