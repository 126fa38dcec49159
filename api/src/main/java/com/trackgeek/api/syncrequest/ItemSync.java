package com.trackgeek.api.syncrequest;

import com.trackgeek.api.problem.ApiException;
import com.trackgeek.api.syncrequest.SyncMetrics.Action;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.RefreshRequested;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Gets a missing item synced for a waiting caller: creates the item's sync request and publishes its command,
 * or joins the request that is already under way, so that any number of concurrent callers, on any number of
 * instances, cause one provider fetch.
 */
@Component
public final class ItemSync {

    private static final Logger log = LoggerFactory.getLogger(ItemSync.class);

    /** Each attempt that neither inserts nor finds an active request means one just ended; a few suffice. */
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration PIPELINE_RETRY_AFTER = Duration.ofSeconds(5);

    private final SyncRequests requests;
    private final SyncCommandPublisher publisher;
    private final SyncWaiters waiters;
    private final SyncMetrics metrics;
    private final Duration requeueAfter;

    ItemSync(SyncRequests requests, SyncCommandPublisher publisher, SyncWaiters waiters, SyncMetrics metrics,
             SyncProperties properties) {
        this.requests = requests;
        this.publisher = publisher;
        this.waiters = waiters;
        this.metrics = metrics;
        this.requeueAfter = properties.requeueAfter();
    }

    /**
     * Starts or joins the item's sync. The caller's wait is registered first, so that an outcome arriving
     * between the insert and the caller's {@link SyncTicket#await} is not lost.
     *
     * @throws ApiException {@code PIPELINE_UNAVAILABLE} if the command could not be handed to Kafka
     */
    public SyncTicket start(MediaKey item) {
        return start(item, null);
    }

    /**
     * As {@link #start(MediaKey)}, but runs {@code beforeCreating} first when no request is under way to join, i.e.
     * only when this caller would start a provider fetch (which it may refuse by throwing, e.g. the client's quota);
     * joining costs no provider call, so it is never asked then.
     */
    public SyncTicket start(MediaKey item, Runnable beforeCreating) {
        Waiter waiter = waiters.register(item);
        try {
            if (beforeCreating != null) {
                if (joined(item, waiter)) {
                    return new SyncTicket(waiter, waiters);
                }
                beforeCreating.run();
            }
            createOrJoin(item, waiter);
            return new SyncTicket(waiter, waiters);
        } catch (RuntimeException e) {
            waiters.remove(waiter);
            throw e;
        }
    }

    public Optional<SyncRequestView> describe(UUID id) {
        return requests.find(id).map(SyncRequestView::of);
    }

    private void createOrJoin(MediaKey item, Waiter waiter) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            UUID id = UUID.randomUUID();
            if (requests.insertQueuedFetch(id, item)) {
                // Attached before publishing: the outcome event may come back before publish() returns.
                waiter.attach(id);
                metrics.record(item, Action.CREATED);
                publishNew(FetchRequested.of(id, item, SyncLane.INTERACTIVE, Instant.now()));
                return;
            }
            if (joined(item, waiter)) {
                return;
            }
        }
        throw new IllegalStateException("no sync request for " + item + " could be created or joined");
    }

    /** Attaches the waiter to the item's active request, if it has one. */
    private boolean joined(MediaKey item, Waiter waiter) {
        Optional<SyncRequestRow> active = requests.findActive(item);
        if (active.isEmpty()) {
            return false;
        }
        waiter.attach(active.get().id());
        metrics.record(item, Action.JOINED);
        publishAgainIfNeeded(active.get());
        return true;
    }

    /** Publishes the command of a request just inserted; if Kafka refuses it, fails the request and answers 503. */
    void publishNew(SyncRequest command) {
        try {
            publisher.publish(command);
        } catch (CommandNotPublishedException e) {
            log.warn("{}", e.getMessage());
            metrics.publishFailed(command.lane().topic());
            giveUp(command.requestId(), e.getMessage());
            throw ApiException.of(ErrorCode.PIPELINE_UNAVAILABLE,
                            "The sync pipeline did not accept the request for " + command.item() + "; try again shortly.")
                    .retryAfter(PIPELINE_RETRY_AFTER);
        }
    }

    /** Callers that joined it see it failed and get the same 503; nobody waits for a command that does not exist. */
    void giveUp(UUID id, String reason) {
        try {
            requests.markFailed(id, ErrorCode.PIPELINE_UNAVAILABLE, reason);
        } catch (DataAccessException e) {
            // The row stays queued; the next caller to join it after requeue-after publishes it again.
            log.warn("Could not mark sync request {} failed: {}", id, e.toString());
        }
    }

    /**
     * A joined request still queued may need its command published (again) on the interactive lane: when it
     * waits on the bulk lane (a person now waits for it, who must not wait behind a bulk job), or when it
     * has been queued for longer than {@code requeueAfter} (its creator may have died before publishing).
     * The sync worker is idempotent, so a second command for the same request changes nothing twice.
     */
    void publishAgainIfNeeded(SyncRequestRow row) {
        boolean bulk = row.isOn(SyncLane.BULK);
        boolean overdue = row.updatedAt() != null && row.updatedAt().isBefore(Instant.now().minus(requeueAfter));
        if (!row.isQueued() || !(bulk || overdue) || !requests.claimInteractivePublish(row.id(), requeueAfter)) {
            return;
        }
        SyncRequest command = row.isRefresh()
                ? RefreshRequested.of(row.id(), row.item(), SyncLane.INTERACTIVE, Instant.now())
                : FetchRequested.of(row.id(), row.item(), SyncLane.INTERACTIVE, Instant.now());
        try {
            publisher.publish(command);
            metrics.record(row.item(), bulk ? Action.PROMOTED : Action.REQUEUED);
            log.info("Published sync request {} for {} again on the interactive lane ({})", row.id(), row.item(),
                    bulk ? "was on the bulk lane" : "queued since " + row.createdAt());
        } catch (CommandNotPublishedException e) {
            // The original command may still be on its way; the caller keeps waiting and may get a 202.
            log.warn("{}", e.getMessage());
            metrics.publishFailed(command.lane().topic());
        }
    }
}
