package com.trackgeek.api.syncrequest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.trackgeek.api.syncrequest.SyncMetrics.Action;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.RefreshRequested;
import com.trackgeek.contracts.RequestKind;
import com.trackgeek.contracts.SyncLane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Stale-while-revalidate: a reader of a stale item gets the stored data at once, and this queues one refresh
 * of it in the background, on the bulk lane (nobody waits for it; the sync worker's budget decides when).
 *
 * <p>Exactly one per item, however many readers on however many instances: the refresh is a {@code sync_request}
 * row first, and the partial unique index of active requests per item makes every other insert conflict, which
 * then does nothing. Its command follows the row; if Kafka refuses it the row is deleted, so that a later reader
 * tries again. Within one instance, readers of an item whose refresh is being queued or was queued lately
 * ({@code background-pause}) do not even reach the database. The work runs off the request thread: a read
 * never waits for the insert or for Kafka's acknowledgement.
 */
@Component
public final class BackgroundRefresh implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundRefresh.class);

    private final SyncRequests requests;
    private final SyncCommandPublisher publisher;
    private final SyncMetrics metrics;
    private final Set<MediaKey> queuing = ConcurrentHashMap.newKeySet();
    private final Cache<MediaKey, Boolean> recentlyQueued;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    BackgroundRefresh(SyncRequests requests, SyncCommandPublisher publisher, SyncMetrics metrics,
                      RefreshProperties properties) {
        this.requests = requests;
        this.publisher = publisher;
        this.metrics = metrics;
        this.recentlyQueued = Caffeine.newBuilder().expireAfterWrite(properties.backgroundPause())
                .maximumSize(100_000).build();
    }

    /** Queues a refresh of the stale {@code item} unless one is queued already; returns at once. */
    public void request(MediaKey item) {
        if (recentlyQueued.getIfPresent(item) != null || !queuing.add(item)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    queue(item);
                } finally {
                    queuing.remove(item);
                }
            });
        } catch (RejectedExecutionException e) {
            queuing.remove(item); // shutting down: the next reader elsewhere, or the worker's sweeper, will do it
        }
    }

    private void queue(MediaKey item) {
        UUID id = UUID.randomUUID();
        try {
            if (!requests.insertQueued(id, item, RequestKind.REFRESH, SyncLane.BULK)) {
                recentlyQueued.put(item, Boolean.TRUE); // an active request exists: it brings the new data
                return;
            }
        } catch (DataAccessException e) {
            log.warn("Background refresh of {} not queued: {}", item, e.getMessage());
            return;
        }
        try {
            publisher.publish(RefreshRequested.of(id, item, SyncLane.BULK, Instant.now()));
            recentlyQueued.put(item, Boolean.TRUE);
            metrics.record(item, Action.REVALIDATING);
        } catch (CommandNotPublishedException e) {
            log.warn("{}; its request is withdrawn, a later read tries again", e.getMessage());
            metrics.publishFailed(SyncLane.BULK.topic());
            try {
                requests.deleteQueued(id);
            } catch (DataAccessException deleteFailed) {
                // Left queued: the overdue-request sweeper publishes it after requeue-after.
                log.warn("Could not withdraw sync request {}: {}", id, deleteFailed.getMessage());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
