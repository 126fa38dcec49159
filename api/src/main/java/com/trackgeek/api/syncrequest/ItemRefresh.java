package com.trackgeek.api.syncrequest;

import com.trackgeek.api.problem.ApiException;
import com.trackgeek.api.syncrequest.SyncMetrics.Action;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.RefreshRequested;
import com.trackgeek.contracts.RequestKind;
import com.trackgeek.contracts.SyncLane;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A refresh a person asked for ({@code POST /api/v1/{type}/{id}/refresh}): on the interactive lane, at most once
 * per {@code trackgeek.api.refresh.guard} per item. Like a fetch, it is a {@code sync_request} row first (kind
 * REFRESH) and its command after, and an item with an active request already gets that request as the answer
 * (promoted to the interactive lane if it waited on the bulk lane), so concurrent callers on any instance share
 * one provider call. Readers keep the stored data meanwhile; the worker's {@code ItemSynced} makes every
 * instance drop its cached copy.
 */
@Component
public final class ItemRefresh {

    private static final int MAX_ATTEMPTS = 5;

    private final LastSyncs lastSyncs;
    private final SyncRequests requests;
    private final ItemSync itemSync;
    private final SyncMetrics metrics;
    private final Duration guard;
    private final Clock clock;

    ItemRefresh(LastSyncs lastSyncs, SyncRequests requests, ItemSync itemSync, SyncMetrics metrics,
                RefreshProperties properties, ObjectProvider<Clock> clock) {
        this.lastSyncs = lastSyncs;
        this.requests = requests;
        this.itemSync = itemSync;
        this.metrics = metrics;
        this.guard = properties.guard();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * The refresh's request, new or joined.
     *
     * @throws ApiException {@code <TYPE>_NOT_FOUND} if the item is not stored; {@code <TYPE>_ALREADY_REFRESHED}
     *                      (with {@code retryAt} and {@code Retry-After}) if it was synced within the guard;
     *                      {@code PIPELINE_UNAVAILABLE} if Kafka did not take the command
     */
    public SyncRequestView request(MediaKey item) {
        return request(item, () -> {
        });
    }

    /**
     * As {@link #request(MediaKey)}, but runs {@code beforeCreating} first when no request of the item is under way
     * to join, i.e. only when this refresh would start a provider call (which it may refuse by throwing, e.g. the
     * client's quota).
     */
    public SyncRequestView request(MediaKey item, Runnable beforeCreating) {
        LastSyncs.LastSync last = lastSyncs.find(item).orElseThrow(() -> ApiException.of(item.type().notFound(),
                "No " + describe(item) + " is stored; read it first to fetch it."));
        Instant now = clock.instant();
        if (last.at() != null && last.at().plus(guard).isAfter(now)) {
            Instant retryAt = last.at().plus(guard);
            Duration wait = Duration.between(now, retryAt);
            throw ApiException.of(item.type().alreadyRefreshed(), describe(item) + " was synced at " + last.at()
                            + "; it can be refreshed again from " + retryAt + ".")
                    .retryAfter(Duration.ofSeconds((wait.toMillis() + 999) / 1000))
                    .with("lastSyncedAt", last.at().toString())
                    .with("retryAt", retryAt.toString());
        }
        Optional<SyncRequestRow> underWay = requests.findActive(item);
        if (underWay.isPresent()) {
            return join(item, underWay.get());
        }
        beforeCreating.run();
        return createOrJoin(item, now);
    }

    private SyncRequestView join(MediaKey item, SyncRequestRow active) {
        metrics.record(item, Action.JOINED);
        itemSync.publishAgainIfNeeded(active);
        return describe(active.id());
    }

    private SyncRequestView createOrJoin(MediaKey item, Instant now) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            UUID id = UUID.randomUUID();
            if (requests.insertQueued(id, item, RequestKind.REFRESH, SyncLane.INTERACTIVE)) {
                metrics.record(item, Action.CREATED);
                itemSync.publishNew(RefreshRequested.of(id, item, SyncLane.INTERACTIVE, now));
                return describe(id);
            }
            Optional<SyncRequestRow> active = requests.findActive(item);
            if (active.isPresent()) {
                return join(item, active.get());
            }
        }
        throw new IllegalStateException("no refresh of " + item + " could be created or joined");
    }

    private SyncRequestView describe(UUID id) {
        return itemSync.describe(id).orElseThrow(() -> new IllegalStateException("sync request " + id + " vanished"));
    }

    private static String describe(MediaKey item) {
        return item.type().pathSegment() + " " + item.id();
    }
}
