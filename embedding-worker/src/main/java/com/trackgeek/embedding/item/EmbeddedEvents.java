package com.trackgeek.embedding.item;

import com.trackgeek.contracts.ItemEmbedded;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Announces stored vectors ({@link ItemEmbedded} on {@link Topics#EMBEDDING_EVENTS}) once their transaction has
 * committed, and waits for Kafka's acknowledgements before the listener returns, so a record's offset is committed
 * only after its events are out. Unlike the sync worker's outcome events, an event Kafka does not take is not a
 * reason to process the record again: the vector is stored, re-embedding would cost a model call for nothing, and
 * the event's readers also catch up from {@code item_embedding} ({@code embedded_at}). So it is logged and counted
 * ({@code trackgeek.embedding.events.unpublished}) and the lane goes on.
 */
@Component
final class EmbeddedEvents {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEvents.class);

    private final KafkaTemplate<Object, Object> kafka;
    private final EventProperties properties;
    private final Counter published;
    private final Counter unpublished;

    EmbeddedEvents(KafkaTemplate<Object, Object> kafka, EventProperties properties, MeterRegistry meters) {
        this.kafka = kafka;
        this.properties = properties;
        this.published = Counter.builder("trackgeek.embedding.events.published")
                .description("ItemEmbedded events Kafka acknowledged").register(meters);
        this.unpublished = Counter.builder("trackgeek.embedding.events.unpublished")
                .description("ItemEmbedded events Kafka did not acknowledge (the vectors are stored; readers catch up from the table)")
                .register(meters);
    }

    /** One event per item of {@code computed}, under the item's first request id; all sent, then all awaited. */
    void embedded(List<ComputedEmbedding> computed, Map<MediaKey, List<UUID>> requestIds, String model, int dimensions) {
        Instant now = Instant.now();
        long deadline = System.nanoTime() + properties.publishTimeout().toNanos();
        List<CompletableFuture<?>> sends = new ArrayList<>(computed.size());
        for (ComputedEmbedding embedding : computed) {
            ItemEmbedded event = ItemEmbedded.of(requestIds.get(embedding.item()).getFirst(), embedding.item(), model, dimensions, now);
            try {
                sends.add(kafka.send(Topics.EMBEDDING_EVENTS, embedding.item().toString(), event));
            } catch (RuntimeException refused) { // no metadata for the topic: the broker is away
                sends.add(CompletableFuture.failedFuture(refused));
            }
        }
        int failed = 0;
        Throwable firstFailure = null;
        for (CompletableFuture<?> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed++;
                firstFailure = firstFailure == null ? e : firstFailure;
            } catch (ExecutionException | TimeoutException e) {
                failed++;
                firstFailure = firstFailure == null ? (e.getCause() == null ? e : e.getCause()) : firstFailure;
            }
        }
        published.increment(sends.size() - failed);
        if (failed > 0) {
            unpublished.increment(failed);
            log.warn("{} of {} ItemEmbedded events not acknowledged within {} (vectors stored; readers catch up from "
                    + "item_embedding): {}", failed, sends.size(), properties.publishTimeout(), firstFailure.toString());
        }
    }
}
