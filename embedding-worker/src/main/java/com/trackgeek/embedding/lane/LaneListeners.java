package com.trackgeek.embedding.lane;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.Topics;
import com.trackgeek.embedding.item.Chunking;
import com.trackgeek.embedding.item.ItemEmbedder;
import com.trackgeek.embedding.item.ItemEmbeddingFailedException;
import com.trackgeek.servicekit.UnprocessableMessageException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The two lanes. The high lane takes one request at a time (a person waits for each); the low lane takes
 * batches, embedded in chunks between which it gives way to the high lane. Both consume in the group
 * {@code spring.kafka.consumer.group-id}; the listener ids only name the containers.
 */
@Component
final class LaneListeners {

    private final ItemEmbedder embedder;
    private final LanePriority priority;
    private final Chunking lowChunking;

    LaneListeners(ItemEmbedder embedder, LanePriority priority, LaneProperties properties) {
        this.embedder = embedder;
        this.priority = priority;
        this.lowChunking = new Chunking(properties.lowChunkSize(), priority::awaitHighQuiet);
    }

    @KafkaListener(id = LaneContainers.HIGH, idIsGroup = false, clientIdPrefix = LaneContainers.HIGH,
            topics = Topics.EMBEDDING_REQUESTS_HIGH)
    void onHigh(EmbeddingRequested request) {
        priority.highStarted();
        try {
            requireSupportedVersion(request);
            embedder.embed(List.of(request), EmbeddingLane.HIGH, Chunking.WHOLE);
        } catch (ItemEmbeddingFailedException e) {
            throw modelRefused(e);
        } finally {
            priority.highFinished();
        }
    }

    /**
     * A record that cannot be read or is of an unsupported version fails the batch at its index: the requests
     * before it are processed and committed, it goes to the dead-letter topic, and the rest is delivered again.
     */
    @KafkaListener(id = LaneContainers.LOW, idIsGroup = false, clientIdPrefix = LaneContainers.LOW,
            topics = Topics.EMBEDDING_REQUESTS_LOW, batch = "true")
    void onLow(List<EmbeddingRequested> requests,
               @Header(name = KafkaHeaders.CONVERSION_FAILURES, required = false) List<ConversionException> conversionFailures) {
        Optional<UnprocessableRecord> unprocessable = UnprocessableRecord.firstIn(requests, conversionFailures);
        List<EmbeddingRequested> processable = requests.subList(0, unprocessable.map(UnprocessableRecord::index).orElse(requests.size()));
        try {
            embedder.embed(processable, EmbeddingLane.LOW, lowChunking);
        } catch (ItemEmbeddingFailedException e) {
            throw new BatchListenerFailedException(e.getMessage(), modelRefused(e), firstIndexOf(e.requestIds(), processable));
        }
        unprocessable.ifPresent(record -> {
            throw new BatchListenerFailedException(record.reason(),
                    new UnprocessableMessageException(ErrorCode.MALFORMED_MESSAGE, record.reason()), record.index());
        });
    }

    /**
     * The in-process model fails on a text deterministically: retrying the record changes nothing, so it goes
     * straight to the dead-letter topic (and its request is recorded as failed), to be replayed after a fix.
     */
    private static UnprocessableMessageException modelRefused(ItemEmbeddingFailedException e) {
        return new UnprocessableMessageException(ErrorCode.INTERNAL_ERROR, e.getMessage());
    }

    private static void requireSupportedVersion(EmbeddingRequested request) {
        if (!request.isSupportedVersion()) {
            throw new UnprocessableMessageException(ErrorCode.MALFORMED_MESSAGE, UnprocessableRecord.unsupportedVersion(request));
        }
    }

    private static int firstIndexOf(List<UUID> requestIds, List<EmbeddingRequested> requests) {
        for (int i = 0; i < requests.size(); i++) {
            if (requestIds.contains(requests.get(i).requestId())) {
                return i;
            }
        }
        return 0;
    }
}
