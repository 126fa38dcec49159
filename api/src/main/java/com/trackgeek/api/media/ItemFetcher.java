package com.trackgeek.api.media;

import com.trackgeek.api.media.FetchMetrics.WaitResult;
import com.trackgeek.api.problem.ApiException;
import com.trackgeek.api.problem.ProblemStatus;
import com.trackgeek.api.quota.ClientQuota;
import com.trackgeek.api.quota.QuotaRoute;
import com.trackgeek.api.syncrequest.ItemSync;
import com.trackgeek.api.syncrequest.SyncOutcome;
import com.trackgeek.api.syncrequest.SyncTicket;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers a read of one item: from memory, from PostgreSQL, from the negative cache, or by having it synced
 * while the caller waits a bounded time. Only the last spends provider budget, so only it is counted against the
 * client's quota, and only when it starts a fetch (joining one under way costs nothing).
 */
@Component
final class ItemFetcher {

    private final ServedMediaTypes served;
    private final ItemCache cache;
    private final NotFoundMemory notFound;
    private final ItemSync itemSync;
    private final FetchMetrics metrics;
    private final ClientQuota quota;
    private final Duration retryAfter;

    ItemFetcher(ServedMediaTypes served, ItemCache cache, NotFoundMemory notFound, ItemSync itemSync,
                FetchMetrics metrics, ClientQuota quota, FetchProperties properties) {
        this.served = served;
        this.cache = cache;
        this.notFound = notFound;
        this.itemSync = itemSync;
        this.metrics = metrics;
        this.quota = quota;
        this.retryAfter = properties.retryAfter();
    }

    FetchResult fetch(MediaKey key, Duration wait) {
        MediaType type = key.type();
        if (!served.serves(type)) {
            // Before the cache, the database and Kafka: nothing is read or published for a type not served.
            throw ApiException.of(ErrorCode.MEDIA_TYPE_NOT_SUPPORTED,
                    "Items of type " + type.pathSegment() + " are not served by this deployment yet.");
        }

        Optional<ItemCache.Hit> stored = cache.get(key);
        if (stored.isPresent()) {
            metrics.outcome(type, stored.get().fromDatabase() ? FetchOutcome.DB_HIT : FetchOutcome.CACHE_HIT);
            return new FetchResult.Found(stored.get().item());
        }
        if (notFound.recentlyNotFound(key)) {
            metrics.outcome(type, FetchOutcome.NEGATIVE_CACHE_HIT);
            throw notFoundProblem(key);
        }
        return fetchMissing(key, wait);
    }

    private FetchResult fetchMissing(MediaKey key, Duration wait) {
        long started = System.nanoTime();
        try (SyncTicket ticket = start(key)) {
            Optional<SyncOutcome> outcome = ticket.await(wait);
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (outcome.isEmpty()) {
                metrics.waited(key.type(), WaitResult.TIMEOUT, waited);
                return accepted(key, ticket.requestId());
            }
            return switch (outcome.get()) {
                case SyncOutcome.Synced synced -> {
                    metrics.waited(key.type(), WaitResult.SYNCED, waited);
                    yield synced(key, synced.requestId());
                }
                case SyncOutcome.Failed failed -> {
                    metrics.waited(key.type(), WaitResult.FAILED, waited);
                    throw failure(key, failed);
                }
            };
        }
    }

    private SyncTicket start(MediaKey key) {
        try {
            return itemSync.start(key, () -> quota.spend(QuotaRoute.ITEM_FETCH));
        } catch (ApiException e) {
            metrics.outcome(key.type(), e.code() == ErrorCode.QUOTA_EXCEEDED
                    ? FetchOutcome.QUOTA_EXCEEDED : FetchOutcome.PIPELINE_UNAVAILABLE);
            throw e;
        }
    }

    private FetchResult synced(MediaKey key, UUID requestId) {
        Optional<ItemCache.Hit> stored = cache.get(key);
        if (stored.isEmpty()) {
            // Done but not readable (yet): let the caller follow the request rather than guess.
            return accepted(key, requestId);
        }
        metrics.outcome(key.type(), FetchOutcome.FETCHED);
        return new FetchResult.Found(stored.get().item());
    }

    private FetchResult accepted(MediaKey key, UUID requestId) {
        metrics.outcome(key.type(), FetchOutcome.ACCEPTED_202);
        return new FetchResult.Accepted(itemSync.describe(requestId)
                .orElseThrow(() -> new IllegalStateException("sync request " + requestId + " vanished")));
    }

    private ApiException failure(MediaKey key, SyncOutcome.Failed failed) {
        ErrorCode code = failed.code();
        if (code == key.type().notFound()) {
            metrics.outcome(key.type(), FetchOutcome.NOT_FOUND);
            return notFoundProblem(key);
        }
        Provider provider = key.type().provider();
        if (code == provider.notConfigured() || code == provider.credentialsRejected()) {
            // An operator's fix, not a matter of time: no Retry-After.
            metrics.outcome(key.type(), FetchOutcome.UNAVAILABLE);
            return ApiException.of(code, code == provider.notConfigured()
                    ? provider + " is not configured in this deployment (its credentials are missing), so "
                            + describe(key) + " cannot be fetched."
                    : provider + " refused this deployment's credentials, so " + describe(key) + " cannot be fetched.");
        }
        if (ProblemStatus.of(code) == HttpStatus.SERVICE_UNAVAILABLE) {
            metrics.outcome(key.type(), code == ErrorCode.PIPELINE_UNAVAILABLE
                    ? FetchOutcome.PIPELINE_UNAVAILABLE : FetchOutcome.UNAVAILABLE);
            return ApiException.of(code, "Could not get " + describe(key) + " from " + key.type().provider()
                    + " right now; try again later.").retryAfter(retryAfter);
        }
        // The provider answered something unusable, or the worker failed: either way the upstream's fault.
        metrics.outcome(key.type(), FetchOutcome.PROVIDER_ERROR);
        return ApiException.of(code, HttpStatus.BAD_GATEWAY, "Could not sync " + describe(key) + ": "
                + (failed.detail() == null ? code.name() : failed.detail()));
    }

    private static ApiException notFoundProblem(MediaKey key) {
        return ApiException.of(key.type().notFound(),
                "No " + describe(key) + " exists at " + key.type().provider() + ".");
    }

    private static String describe(MediaKey key) {
        return key.type().pathSegment() + " " + key.id();
    }
}
