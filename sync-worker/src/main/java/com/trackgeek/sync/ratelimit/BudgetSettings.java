package com.trackgeek.sync.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the provider budgets shared by all replicas behave (the limits themselves are each provider's).
 *
 * @param bulkShare      the fraction of each of a provider's windows bulk work may use (0 < share <= 1); the
 *                       rest is kept for interactive work even while a bulk sync saturates the provider
 * @param maxPark        longest bulk work sleeps before it tries the shared bucket again: other replicas take
 *                       and book tokens too, so the wait the bucket reports is an estimate
 * @param storeOutageWait how long a call keeps retrying an unreachable budget store before it fails with the
 *                       provider's {@code *_SERVICE_UNAVAILABLE}; no provider request is made meanwhile
 * @param storeRetryMax  longest pause between retries of an unreachable store (starting at 100 ms, doubling)
 */
@ConfigurationProperties("trackgeek.sync.budget")
public record BudgetSettings(@DefaultValue("0.8") double bulkShare,
                             @DefaultValue("500ms") Duration maxPark,
                             @DefaultValue("1m") Duration storeOutageWait,
                             @DefaultValue("5s") Duration storeRetryMax) {

    public BudgetSettings {
        if (!(bulkShare > 0 && bulkShare <= 1)) {
            throw new IllegalArgumentException("bulk-share must be above 0 and at most 1, was " + bulkShare);
        }
    }

    /** The defaults above, for code outside Spring (tests). */
    public static BudgetSettings defaults() {
        return new BudgetSettings(0.8, Duration.ofMillis(500), Duration.ofMinutes(1), Duration.ofSeconds(5));
    }

    public BudgetSettings withBulkShare(double share) {
        return new BudgetSettings(share, maxPark, storeOutageWait, storeRetryMax);
    }

    public BudgetSettings withStoreOutageWait(Duration wait) {
        return new BudgetSettings(bulkShare, maxPark, wait, storeRetryMax);
    }
}
