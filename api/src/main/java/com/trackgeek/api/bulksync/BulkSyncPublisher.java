package com.trackgeek.api.bulksync;

import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import com.trackgeek.contracts.bulk.BulkWork;
import com.trackgeek.servicekit.AcknowledgedSend;
import com.trackgeek.servicekit.PipelineUnavailableException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Hands a bulk job's command, or a replay of its failed items, to Kafka and waits, bounded, for the broker's
 * acknowledgement. Called only once the job's row records what is asked (the queued job, the raised replay
 * round), so the caller is told 202 only for work that is both recorded and on its way.
 */
@Component
final class BulkSyncPublisher {

    private final KafkaTemplate<Object, Object> kafka;
    private final Duration timeout;

    BulkSyncPublisher(KafkaTemplate<Object, Object> kafka, BulkSyncProperties properties) {
        this.kafka = kafka;
        this.timeout = properties.publishTimeout();
    }

    /** @throws PipelineUnavailableException when Kafka did not acknowledge the command in time */
    void publish(BulkSyncRequested command) {
        AcknowledgedSend.send(kafka, Topics.BULK_COMMANDS, command.key(), command, timeout);
    }

    /** @throws PipelineUnavailableException when Kafka did not acknowledge the replay in time */
    void publish(BulkWork.ReplayFailed replay) {
        AcknowledgedSend.send(kafka, Topics.BULK_WORK, replay.key(), replay, timeout);
    }
}
