package com.trackgeek.api.syncrequest;

import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.RefreshRequested;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Publishes again the command of every request that stayed queued past {@code requeue-after}, whether or not
 * anyone asks for the item again: its creator may have died between the insert and the publish, or the
 * broker lost it (the standalone run's Kafka keeps nothing across restarts). Joiners of such a request were
 * told 202; this is what keeps that promise. The worker is idempotent per request id.
 */
@Component
class QueuedRequestSweeper {

    private static final Logger log = LoggerFactory.getLogger(QueuedRequestSweeper.class);
    private static final int BATCH = 100;

    private final SyncRequests requests;
    private final SyncCommandPublisher publisher;
    private final SyncMetrics metrics;
    private final Duration requeueAfter;

    QueuedRequestSweeper(SyncRequests requests, SyncCommandPublisher publisher, SyncMetrics metrics,
                         SyncProperties properties) {
        this.requests = requests;
        this.publisher = publisher;
        this.metrics = metrics;
        this.requeueAfter = properties.requeueAfter();
    }

    @Scheduled(initialDelayString = "${trackgeek.api.sync.sweep-interval:30s}",
            fixedDelayString = "${trackgeek.api.sync.sweep-interval:30s}")
    void sweep() {
        try {
            for (SyncRequestRow row : requests.findOverdueQueued(requeueAfter, BATCH)) {
                if (requests.claimRepublish(row.id(), requeueAfter)) {
                    republish(row);
                }
            }
        } catch (DataAccessException e) {
            log.warn("Sweep of overdue sync requests skipped: {}", e.getMessage());
        }
    }

    private void republish(SyncRequestRow row) {
        SyncLane lane = row.isOn(SyncLane.BULK) ? SyncLane.BULK : SyncLane.INTERACTIVE;
        SyncRequest command = row.isRefresh()
                ? RefreshRequested.of(row.id(), row.item(), lane, Instant.now())
                : FetchRequested.of(row.id(), row.item(), lane, Instant.now());
        try {
            publisher.publish(command);
            metrics.record(row.item(), SyncMetrics.Action.REQUEUED);
            log.info("Published overdue sync request {} for {} again (queued since {})", row.id(), row.item(), row.createdAt());
        } catch (CommandNotPublishedException e) {
            // Still queued and now touched: the next sweep after requeue-after tries again.
            log.warn("{}", e.getMessage());
            metrics.publishFailed(command.lane().topic());
        }
    }
}
