package com.trackgeek.api.media;

import java.time.Instant;

/**
 * What the item cache holds per item: its ready answer until it becomes stale and its ready answer after, so that
 * a cached item turns stale on time (marked, and revalidated) without a database read or a new serialization.
 * Most items have one answer only: no {@code staleAfter} yet, already stale, or gone.
 *
 * @param untilStale served before {@code staleAfter}; null if that time has passed already when it was loaded
 * @param staleAfter when {@code stale} takes over; null if {@code untilStale} is served for good
 * @param stale      served from {@code staleAfter} on; null if {@code staleAfter} is
 */
record ReadyAnswers(ReadyItem untilStale, Instant staleAfter, ReadyItem stale) {

    static ReadyAnswers always(ReadyItem item) {
        return new ReadyAnswers(item, null, null);
    }

    ReadyItem at(Instant now) {
        if (staleAfter == null) {
            return untilStale;
        }
        return untilStale != null && now.isBefore(staleAfter) ? untilStale : stale;
    }
}
