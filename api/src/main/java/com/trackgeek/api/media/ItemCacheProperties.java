package com.trackgeek.api.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The in-process cache of stored items. Sync events evict an item as soon as it changes; the TTL only
 * bounds how long a change this instance did not hear about (missed event) can go unseen.
 *
 * @param ttl         how long an item is served from memory after it was read from PostgreSQL
 * @param maximumSize how many items are kept (least recently and frequently used go first)
 */
@ConfigurationProperties("trackgeek.api.cache")
record ItemCacheProperties(
        @DefaultValue("6h") Duration ttl,
        @DefaultValue("10000") long maximumSize) {
}
