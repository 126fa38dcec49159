package com.trackgeek.sync.command;

import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.Message;
import com.trackgeek.contracts.SyncFailed;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.AcknowledgedSend;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Announces a sync's outcome after its database work is committed, and waits for Kafka's acknowledgement:
 * if it does not come, the listener fails, the record's offset is not committed, and the redelivered record
 * announces the recorded outcome again.
 */
@Component
class SyncOutcomePublisher {

    private final KafkaTemplate<Object, Object> kafka;
    private final SyncProperties properties;

    SyncOutcomePublisher(KafkaTemplate<Object, Object> kafka, SyncProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    void synced(SyncRequest request, boolean requestEmbedding) {
        Instant now = Instant.now();
        if (requestEmbedding) {
            var lane = request.lane().embeddingLane();
            send(EmbeddingRequested.of(request.requestId(), request.item(), lane, now), lane.topic());
        }
        send(ItemSynced.of(request.requestId(), request.item(), now), Topics.SYNC_EVENTS);
    }

    void failed(SyncRequest request, ErrorCode code, String detail) {
        send(SyncFailed.of(request.requestId(), request.item(), code, detail, Instant.now()), Topics.SYNC_EVENTS);
    }

    private void send(Message message, String topic) {
        AcknowledgedSend.send(kafka, topic, message.item().toString(), message, properties.publishTimeout());
    }
}
