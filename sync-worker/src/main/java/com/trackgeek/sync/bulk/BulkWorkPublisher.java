package com.trackgeek.sync.bulk;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.bulk.BulkWork;
import com.trackgeek.servicekit.AcknowledgedSend;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.MetadataProviders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything a bulk job puts on Kafka, each record acknowledged before the job's rows say it is out: its next
 * expansion page, its items' fetch batches, and for each item stored the events a sync publishes. Kafka not
 * answering throws {@code PipelineUnavailableException}: the record being worked on is retried, never dropped.
 */
@Component
class BulkWorkPublisher {

    private final KafkaTemplate<Object, Object> kafka;
    private final MetadataProviders providers;
    private final BulkProperties properties;

    BulkWorkPublisher(KafkaTemplate<Object, Object> kafka, MetadataProviders providers, BulkProperties properties) {
        this.kafka = kafka;
        this.providers = providers;
        this.properties = properties;
    }

    void expand(UUID jobId, int page) {
        send(BulkWork.ExpandPage.of(jobId, page, Instant.now()));
    }

    /**
     * The items' fetches, in the order given, as batches of one provider call where the provider takes many ids
     * per call ({@link MetadataProvider#batchSize()}), else of {@code single-fetch-batch} items.
     */
    void fetches(UUID jobId, MediaType type, List<Long> ids) {
        int size = batchSize(type);
        Instant now = Instant.now();
        for (int from = 0; from < ids.size(); from += size) {
            send(BulkWork.FetchItems.of(jobId, type, ids.subList(from, Math.min(from + size, ids.size())), now));
        }
    }

    /** What a sync of the item announces: the item is stored, and its embedding is due (low lane: nobody waits). */
    void synced(UUID jobId, MediaKey item) {
        Instant now = Instant.now();
        var embedding = EmbeddingRequested.of(jobId, item, EmbeddingLane.LOW, now);
        AcknowledgedSend.send(kafka, EmbeddingLane.LOW.topic(), item.toString(), embedding, properties.publishTimeout());
        AcknowledgedSend.send(kafka, Topics.SYNC_EVENTS, item.toString(), ItemSynced.of(jobId, item, now), properties.publishTimeout());
    }

    private int batchSize(MediaType type) {
        int providerBatch = providers.forType(type).map(MetadataProvider::batchSize).orElse(1);
        return providerBatch > 1 ? providerBatch : properties.singleFetchBatch();
    }

    private void send(BulkWork work) {
        AcknowledgedSend.send(kafka, Topics.BULK_WORK, work.key(), work, properties.publishTimeout());
    }
}
