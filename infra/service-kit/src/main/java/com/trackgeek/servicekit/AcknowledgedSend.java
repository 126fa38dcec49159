package com.trackgeek.servicekit;

import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishing that counts only once the broker has acknowledged: every command and event of the pipeline is
 * sent this way, because what follows (a 202 to a caller, an offset commit) promises that Kafka has it.
 */
public final class AcknowledgedSend {

    private AcknowledgedSend() {
    }

    /**
     * Sends and waits up to {@code timeout} for the acknowledgement.
     *
     * @throws PipelineUnavailableException when the broker refused the record, did not answer in time, or the
     *                                      producer could not even find the topic (broker unreachable)
     */
    public static void send(KafkaTemplate<Object, Object> kafka, String topic, String key, Object value, Duration timeout) {
        try {
            kafka.send(topic, key, value).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineUnavailableException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException e) {
            throw new PipelineUnavailableException("could not publish to " + topic + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            // send() itself throws when the producer cannot get the topic's metadata (broker down).
            throw new PipelineUnavailableException("could not publish to " + topic + ": " + e, e);
        }
    }
}
