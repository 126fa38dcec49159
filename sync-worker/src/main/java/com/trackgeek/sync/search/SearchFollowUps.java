package com.trackgeek.sync.search;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.ProviderSearchRequested;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.servicekit.AcknowledgedSend;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a search's new hits need next: a full fetch each, on the bulk lane (nobody waits for it; the hit is
 * already shown), and an embedding each, the first {@code high-lane-embeddings} on the high lane (a person has
 * just seen them) and the rest on the low lane, so one broad search cannot flood the lane people wait on.
 * Each is acknowledged by Kafka before the search counts as answered.
 */
@Component
class SearchFollowUps {

    private final KafkaTemplate<Object, Object> kafka;
    private final ProviderSearchProperties properties;

    SearchFollowUps(KafkaTemplate<Object, Object> kafka, ProviderSearchProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    /** @param newIds the search's new hits, in the provider's order */
    void publish(ProviderSearchRequested search, List<Long> newIds) {
        Instant now = Instant.now();
        for (int index = 0; index < newIds.size(); index++) {
            MediaKey item = MediaKey.of(search.type(), newIds.get(index));
            var fetch = FetchRequested.of(UUID.randomUUID(), item, SyncLane.BULK, now);
            AcknowledgedSend.send(kafka, SyncLane.BULK.topic(), item.toString(), fetch, properties.publishTimeout());
            EmbeddingLane lane = index < properties.highLaneEmbeddings() ? EmbeddingLane.HIGH : EmbeddingLane.LOW;
            var embedding = EmbeddingRequested.of(fetch.requestId(), item, lane, now);
            AcknowledgedSend.send(kafka, lane.topic(), item.toString(), embedding, properties.publishTimeout());
        }
    }
}
