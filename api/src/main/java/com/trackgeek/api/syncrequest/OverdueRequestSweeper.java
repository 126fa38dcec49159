package com.trackgeek.api.syncrequest;

import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.RefreshRequested;
import com.trackgeek.contracts.RequestStatus;
import com.trackgeek.contracts.SyncRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps every accepted request moving towards an end, whether or not anyone asks for its item again. Joiners
 * of a request were told 202; this is what keeps that promise. On each sweep, and on every instance (each
 * row is claimed by exactly one):
 * <ul>
 *     <li>a request still <em>queued</em> past {@code requeue-after} has its command published again: its
 *     creator may have died between the insert and the publish, or the broker lost it (the standalone run's
 *     Kafka keeps nothing across restarts);</li>
 *     <li>a request <em>running</em> past {@code running-timeout} since a worker last claimed it is taken
 *     over: its command is published again (the worker that had it may have died mid-sync), up to
 *     {@code max-takeovers} times as counted by its attempts; after that it is failed with
 *     {@code SYNC_TIMED_OUT}, so that the next read of the item starts a new request instead of joining one
 *     that will never end.</li>
 * </ul>
 * The worker is idempotent per request id and accepts a command for a request already running.
 */
@Component
class OverdueRequestSweeper {

    private static final Logger log = LoggerFactory.getLogger(OverdueRequestSweeper.class);
    private static final int BATCH = 100;

    private final SyncRequests requests;
    private final SyncCommandPublisher publisher;
    private final SyncMetrics metrics;
    private final Duration requeueAfter;
    private final Duration runningTimeout;
    private final int maxTakeovers;

    OverdueRequestSweeper(SyncRequests requests, SyncCommandPublisher publisher, SyncMetrics metrics,
                          SyncProperties properties) {
        this.requests = requests;
        this.publisher = publisher;
        this.metrics = metrics;
        this.requeueAfter = properties.requeueAfter();
        this.runningTimeout = properties.runningTimeout();
        this.maxTakeovers = properties.maxTakeovers();
    }

    @Scheduled(initialDelayString = "${trackgeek.api.sync.sweep-interval:30s}",
            fixedDelayString = "${trackgeek.api.sync.sweep-interval:30s}")
    void sweep() {
        try {
            sweepQueued();
            sweepRunning();
        } catch (DataAccessException e) {
            log.warn("Sweep of overdue sync requests skipped: {}", e.getMessage());
        }
    }

    private void sweepQueued() {
        for (SyncRequestRow row : requests.findUntouched(RequestStatus.QUEUED, requeueAfter, BATCH)) {
            if (requests.claimRepublish(row.id(), requeueAfter)) {
                republish(row, SyncMetrics.Action.REQUEUED, "queued since " + row.createdAt());
            }
        }
    }

    private void sweepRunning() {
        for (SyncRequestRow row : requests.findUntouched(RequestStatus.RUNNING, runningTimeout, BATCH)) {
            if (row.attempts() <= maxTakeovers) {
                if (requests.claimTakeover(row.id(), runningTimeout, maxTakeovers)) {
                    republish(row, SyncMetrics.Action.TAKEN_OVER, "running since " + row.startedAt()
                            + ", started " + row.attempts() + " times");
                }
            } else if (requests.failTimedOut(row.id(), runningTimeout, maxTakeovers, "Still running after "
                    + row.attempts() + " attempts of at most " + runningTimeout.toSeconds() + " s each; given up.")) {
                metrics.record(row.item(), SyncMetrics.Action.TIMED_OUT);
                log.warn("Sync request {} for {} failed with SYNC_TIMED_OUT after {} attempts", row.id(), row.item(),
                        row.attempts());
            }
        }
    }

    private void republish(SyncRequestRow row, SyncMetrics.Action action, String why) {
        SyncRequest command = row.isRefresh()
                ? RefreshRequested.of(row.id(), row.item(), row.lane(), Instant.now())
                : FetchRequested.of(row.id(), row.item(), row.lane(), Instant.now());
        try {
            publisher.publish(command);
            metrics.record(row.item(), action);
            log.info("Published overdue sync request {} for {} again ({})", row.id(), row.item(), why);
        } catch (CommandNotPublishedException e) {
            // Still active and now touched: the next sweep after requeue-after or running-timeout tries again.
            log.warn("{}", e.getMessage());
            metrics.publishFailed(command.lane().topic());
        }
    }
}
