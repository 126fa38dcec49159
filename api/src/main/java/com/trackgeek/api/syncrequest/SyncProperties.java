package com.trackgeek.api.syncrequest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the API hands work to the sync workers and learns the outcome.
 *
 * @param publishTimeout longest wait for Kafka to acknowledge a command before the caller gets a 503
 * @param pollInterval   how often the status of awaited sync requests is read from PostgreSQL, the fallback
 *                       for sync events this instance did not receive
 * @param requeueAfter   a joined request still queued after this long is published again: the instance that
 *                       created it may have died between the insert and the publish
 */
@ConfigurationProperties("trackgeek.api.sync")
record SyncProperties(
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("2m") Duration requeueAfter) {

    SyncProperties {
        requirePositive(publishTimeout, "publish-timeout");
        requirePositive(pollInterval, "poll-interval");
        requirePositive(requeueAfter, "requeue-after");
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("trackgeek.api.sync." + name + " must be positive, was " + value);
        }
    }
}
