package com.trackgeek.embedding.lane;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.Topics;
import com.trackgeek.embedding.item.Chunking;
import com.trackgeek.embedding.item.ItemEmbedder;
import com.trackgeek.embedding.item.ItemEmbeddingFailedException;
import com.trackgeek.embedding.item.RetryProperties;
import com.trackgeek.servicekit.RetryLaterException;
import com.trackgeek.servicekit.UnprocessableMessageException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;

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
    private final BackOff retryBackOff;

    LaneListeners(ItemEmbedder embedder, LanePriority priority, LaneProperties properties, RetryProperties retry) {
        this.embedder = embedder;
        this.priority = priority;
        this.lowChunking = new Chunking(properties.lowChunkSize(), priority::awaitHighQuiet);
        var backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
        backOff.setInitialInterval(retry.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(retry.maxBackoff().toMillis());
        this.retryBackOff = backOff;
    }

    @KafkaListener(id = LaneContainers.HIGH, idIsGroup = false, clientIdPrefix = LaneContainers.HIGH,
            topics = Topics.EMBEDDING_REQUESTS_HIGH)
    void onHigh(EmbeddingRequested request) {
        priority.highStarted();
        try {
            requireSupportedVersion(request);
            embedder.embed(List.of(request), EmbeddingLane.HIGH, Chunking.WHOLE);
        } catch (ItemEmbeddingFailedException e) {
            throw forErrorHandler(e, request.requestId());
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
            int first = firstIndexOf(e.requestIds(), processable);
            throw new BatchListenerFailedException(e.getMessage(), forErrorHandler(e, processable.get(first).requestId()), first);
        }
        unprocessable.ifPresent(record -> {
            throw new BatchListenerFailedException(record.reason(),
                    new UnprocessableMessageException(ErrorCode.MALFORMED_MESSAGE, record.reason()), record.index());
        });
    }

    /**
     * What the error handler does with the failed request: retry it later with the lane's bounded back-off (a model
     * busy or away for now), or dead-letter it at once with its code (recorded failed already). The lane goes on
     * with the next records either way.
     */
    private RuntimeException forErrorHandler(ItemEmbeddingFailedException e, UUID requestId) {
        ItemEmbeddingFailedException.Failed failed = e.failureOf(requestId);
        return failed.retryLater()
                ? new RetryLaterException(failed.code(), failed.detail(), retryBackOff, e)
                : new UnprocessableMessageException(failed.code(), failed.detail());
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
