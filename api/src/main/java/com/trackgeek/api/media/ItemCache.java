package com.trackgeek.api.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.SyncEvent;
import com.trackgeek.servicekit.items.MediaItemStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * Stored items in memory as the ready bytes of their 200 (see {@link ReadyItem}), read through from
 * PostgreSQL, dropped on every sync event about them. Each entry knows when its item turns stale
 * ({@link ReadyAnswers}), so a cached item is served marked stale from then on without a database read.
 *
 * <p>Loads run inside the cache's atomic compute. That closes a race a plain get-then-put has: a read that
 * started before the worker committed a new version could otherwise put the old version back after the sync
 * event evicted it, and serve it for the whole TTL. An eviction of a key being loaded waits for the load and
 * then removes what it produced. Only absent (and partial) items are not cached: their arrival is what callers
 * wait for.
 */
@Component
final class ItemCache {

    static final String NAME = "items";

    /** @param fromDatabase false when the item was already in memory */
    record Hit(ReadyItem item, boolean fromDatabase) {
    }

    private final Cache<MediaKey, ReadyAnswers> cache;
    private final MediaItemStore store;
    private final ItemRenderer renderer;
    private final Clock clock;

    ItemCache(ItemCacheProperties properties, MeterRegistry registry, MediaItemStore store, ItemRenderer renderer,
              ObjectProvider<Clock> clock) {
        this.store = store;
        this.renderer = renderer;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.ttl())
                .maximumSize(properties.maximumSize())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, cache, NAME);
    }

    /** The item from memory, or else from PostgreSQL (and then kept). */
    Optional<Hit> get(MediaKey key) {
        boolean[] loaded = {false};
        ReadyAnswers answers = cache.get(key, missing -> {
            loaded[0] = true;
            // A partial item (only a provider's search hit so far) is not served as the item: reading it starts
            // the full fetch a person now waits for, like an item not stored at all.
            return store.find(missing).filter(stored -> !stored.partial())
                    .map(stored -> renderer.render(stored, clock.instant())).orElse(null);
        });
        return Optional.ofNullable(answers).map(found -> new Hit(found.at(clock.instant()), loaded[0]));
    }

    /** The item if it is in memory; never touches PostgreSQL. Null otherwise: this is the hot path. */
    ReadyItem getIfCached(MediaKey key) {
        ReadyAnswers answers = cache.getIfPresent(key);
        return answers == null ? null : answers.at(clock.instant());
    }

    void evict(MediaKey key) {
        cache.invalidate(key);
    }

    /** Any event, failures included: a failed refresh changes the sync state shown with the item. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(SyncEvent event) {
        evict(event.item());
    }
}
