package com.trackgeek.api.syncrequest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the API hands work to the sync workers and learns the outcome, and how it keeps every accepted request
 * moving towards an end.
 *
 * @param publishTimeout longest wait for Kafka to acknowledge a command before the caller gets a 503
 * @param pollInterval   how often the status of awaited sync requests is read from PostgreSQL, the fallback
 *                       for sync events this instance did not receive
 * @param requeueAfter   a request still queued after this long is published again: the instance that
 *                       created it may have died between the insert and the publish
 * @param sweepInterval  how often every instance looks for overdue queued and running requests
 * @param runningTimeout a request running this long since a worker last claimed it is taken over: its
 *                       worker may have died with it
 * @param maxTakeovers   how many times a request is taken over (counted by its attempts) before it is failed
 *                       with {@code SYNC_TIMED_OUT}
 */
@ConfigurationProperties("trackgeek.api.sync")
record SyncProperties(
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("2m") Duration requeueAfter,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("5m") Duration runningTimeout,
        @DefaultValue("3") int maxTakeovers) {

    SyncProperties {
        requirePositive(publishTimeout, "publish-timeout");
        requirePositive(pollInterval, "poll-interval");
        requirePositive(requeueAfter, "requeue-after");
        requirePositive(sweepInterval, "sweep-interval");
        requirePositive(runningTimeout, "running-timeout");
        if (maxTakeovers < 0) {
            throw new IllegalArgumentException("trackgeek.api.sync.max-takeovers must not be negative, was " + maxTakeovers);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("trackgeek.api.sync." + name + " must be positive, was " + value);
        }
    }
}
