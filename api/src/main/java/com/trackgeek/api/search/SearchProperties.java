package com.trackgeek.api.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * When the database's hits are enough for a page, and how the providers' searches behind them are waited for
 * and kept.
 *
 * @param goodScore      the hit score (0..1, see {@code CatalogSearch}) from which a hit counts as good: 0.6
 *                       is pg_trgm's own word-similarity threshold, i.e. a hit on the main title that the index
 *                       would find by similarity alone; an alternative-title hit needs 0.6 / 0.9 of it
 * @param minGoodHits    how many good hits on the page are enough (or the page's limit, if smaller)
 * @param providerFallback whether providers are asked at all; false answers every search from the database alone
 *                       (no provider budget spent on searches; the database-only benchmark runs so)
 * @param providerWait   the longest a search waits for the providers' part; past it the database's hits are
 *                       answered, flagged, and the provider's answer is kept for the next search
 * @param cacheTtl       how long a provider's answer serves every identical search (type, normalised query,
 *                       page, page size) on every API instance
 * @param failureTtl     how long a failed provider search is answered as failed before the provider is asked
 *                       again: short, so an outage costs a flag, not a day
 * @param runningTimeout a provider search unanswered this long (the worker down, the command lost) is asked anew
 * @param pollInterval   how often a waiting search looks for the provider's answer
 */
@ConfigurationProperties("trackgeek.api.search")
record SearchProperties(
        @DefaultValue("0.6") double goodScore,
        @DefaultValue("5") int minGoodHits,
        @DefaultValue("true") boolean providerFallback,
        @DefaultValue("3s") Duration providerWait,
        @DefaultValue("24h") Duration cacheTtl,
        @DefaultValue("1m") Duration failureTtl,
        @DefaultValue("2m") Duration runningTimeout,
        @DefaultValue("25ms") Duration pollInterval) {

    SearchProperties {
        if (goodScore < 0 || goodScore > 1 || minGoodHits < 1) {
            throw new IllegalArgumentException("trackgeek.api.search: need 0 <= good-score <= 1 and min-good-hits >= 1,"
                    + " was " + goodScore + " and " + minGoodHits);
        }
        if (providerWait.isNegative() || !cacheTtl.isPositive() || failureTtl.isNegative()
                || !runningTimeout.isPositive() || !pollInterval.isPositive()) {
            throw new IllegalArgumentException("trackgeek.api.search: provider-wait and failure-ttl must be >= 0,"
                    + " cache-ttl, running-timeout and poll-interval > 0");
        }
    }
}
