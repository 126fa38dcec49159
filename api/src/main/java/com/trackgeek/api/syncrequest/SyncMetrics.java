package com.trackgeek.api.syncrequest;

import com.trackgeek.contracts.MediaKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** How callers' sync requests came about: the ratio of joined to created shows the deduplication working. */
@Component
final class SyncMetrics {

    enum Action {
        /** a new request and its command */
        CREATED,
        /** the item already had an unfinished request */
        JOINED,
        /** a joined bulk-lane request moved to the interactive lane */
        PROMOTED,
        /** a request queued for too long, its command published again */
        REQUEUED,
        /** a request running for too long, its command published again for another worker */
        TAKEN_OVER,
        /** a request running for too long after every takeover, failed with SYNC_TIMED_OUT */
        TIMED_OUT,
        /** a reader met a stale item: a refresh queued on the bulk lane in the background */
        REVALIDATING
    }

    private final MeterRegistry registry;

    SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(MediaKey item, Action action) {
        Counter.builder("trackgeek.api.sync.requests")
                .description("Sync requests created, joined or moved along by the API")
                .tag("type", item.type().name())
                .tag("action", action.name().toLowerCase())
                .register(registry)
                .increment();
    }

    void publishFailed(String topic) {
        Counter.builder("trackgeek.api.sync.publish.failures")
                .description("Sync commands Kafka did not acknowledge in time")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }
}
