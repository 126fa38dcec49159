package com.trackgeek.sync.bulk;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.Message;
import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.bulk.BulkWork;
import com.trackgeek.servicekit.UnprocessableMessageException;
import com.trackgeek.sync.ratelimit.WorkLane;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes bulk jobs' work records (pages, fetch batches, replays) on the bulk lane of every provider's budget, in a
 * container of their own with {@code trackgeek.sync.bulk.concurrency} threads. One record per poll: a batch may
 * wait long on a provider's budget shared with people and other replicas, and a poll of one record keeps each
 * thread far inside {@code max.poll.interval.ms}. The offset is committed after the record's outcomes are in
 * PostgreSQL and what it publishes is in Kafka.
 */
@Component
class BulkWorkListener {

    private final JobExpansion expansion;
    private final ItemBatches batches;

    BulkWorkListener(JobExpansion expansion, ItemBatches batches) {
        this.expansion = expansion;
        this.batches = batches;
    }

    @KafkaListener(id = "bulk-work", idIsGroup = false, topics = Topics.BULK_WORK,
            concurrency = "${trackgeek.sync.bulk.concurrency:3}", properties = "max.poll.records=1")
    void onWork(BulkWork work) {
        if (!work.isSupportedVersion()) {
            throw new UnprocessableMessageException(ErrorCode.MALFORMED_MESSAGE,
                    "unsupported schema version " + work.schemaVersion() + " (this worker reads up to "
                            + Message.SCHEMA_VERSION + ")");
        }
        WorkLane.BULK.run(() -> {
            switch (work) {
                case BulkWork.ExpandPage page -> expansion.expand(page);
                case BulkWork.FetchItems batch -> batches.fetch(batch);
                case BulkWork.ReplayFailed replay -> batches.replay(replay);
            }
        });
    }
}
