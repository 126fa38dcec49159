package com.trackgeek.api.similar;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.ItemEmbedded;
import com.trackgeek.contracts.Message;
import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.UnprocessableMessageException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's index current: every instance hears every {@link ItemEmbedded} (a consumer group of its
 * own, from the latest offset, as the sync-events listener) and loads the one vector it announces by primary key.
 * What was stored before the consumer had its partitions is in the rebuild or the next catch-up.
 */
@Component
final class EmbeddingEventsListener {

    static final String LISTENER_ID = "api-embedding-events";

    private final StoredVectors stored;
    private final VectorIndex index;
    private final ActiveModel active;
    private final MeterRegistry registry;

    EmbeddingEventsListener(StoredVectors stored, VectorIndex index, ActiveModel active, MeterRegistry registry) {
        this.stored = stored;
        this.index = index;
        this.active = active;
        this.registry = registry;
    }

    @KafkaListener(id = LISTENER_ID, topics = Topics.EMBEDDING_EVENTS, groupId = "api-similar-${random.uuid}",
            containerFactory = EmbeddingEventsConfiguration.CONTAINER_FACTORY,
            properties = "auto.offset.reset=latest")
    void on(ItemEmbedded event) {
        if (!event.isSupportedVersion()) {
            throw new UnprocessableMessageException(ErrorCode.MALFORMED_MESSAGE, "unsupported schema version "
                    + event.schemaVersion() + " (this api reads up to " + Message.SCHEMA_VERSION + ")");
        }
        // Absent: deleted since, or an event of a transaction rolled back after all; nothing to index.
        boolean stored = this.stored.find(event.item(), event.model())
                .map(vector -> index.upsert(vector.model(), vector.key(), vector.vector(), vector.embeddedAt()))
                .orElse(false);
        registry.counter("trackgeek.similar.events", "outcome", stored ? "indexed" : "ignored").increment();
        if (stored && active.current().model() == null) {
            // A new deployment's first vectors: answer from them now rather than at the next catch-up. Switches
            // between models stay with the catch-up's evaluation (a count over the whole table, not per event).
            active.evaluate();
        }
    }
}
