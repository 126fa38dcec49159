package com.trackgeek.api.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a read of an item that is not stored behaves.
 *
 * @param defaultWait  how long a caller waits for the sync when the request has no {@code wait} parameter
 * @param maxWait      the longest wait a caller may ask for; longer requests are capped, not refused
 * @param notFoundTtl  how long a provider's "no such id" is believed before the provider is asked again
 * @param retryAfter   the {@code Retry-After} given when the provider is unavailable
 */
@ConfigurationProperties("trackgeek.api.fetch")
record FetchProperties(
        @DefaultValue("5s") Duration defaultWait,
        @DefaultValue("30s") Duration maxWait,
        @DefaultValue("1h") Duration notFoundTtl,
        @DefaultValue("30s") Duration retryAfter) {

    FetchProperties {
        if (defaultWait.isNegative() || maxWait.isNegative() || defaultWait.compareTo(maxWait) > 0) {
            throw new IllegalArgumentException("trackgeek.api.fetch: need 0 <= default-wait <= max-wait, was "
                    + defaultWait + " and " + maxWait);
        }
        if (notFoundTtl.isNegative() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("trackgeek.api.fetch: not-found-ttl and retry-after must not be negative");
        }
    }
}
