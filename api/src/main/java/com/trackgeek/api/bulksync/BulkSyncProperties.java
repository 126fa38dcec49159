package com.trackgeek.api.bulksync;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How bulk syncs are started over HTTP and how their progress is figured.
 *
 * @param publishTimeout longest wait for Kafka to acknowledge a bulk command or a replay before the caller gets a
 *                       503 and nothing is left behind
 * @param rateWindow     items per minute are counted over the items finished in this last stretch of the job (or
 *                       since it started, when that is shorter): long enough to smooth a provider's bursts and
 *                       pauses, short enough that the estimate follows a change of pace (a budget shared anew)
 * @param maxPageSize    the largest page of jobs or of a job's items one listing returns
 * @param requeueAfter   a job the API recorded that is still queued this long after it was recorded (or last
 *                       published) has its command published again: the instance that recorded it may have died
 *                       before publishing, and a retried POST of its id answers the job without publishing
 * @param sweepInterval  how often every instance looks for such jobs
 */
@ConfigurationProperties("trackgeek.api.bulk-syncs")
record BulkSyncProperties(
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("5m") Duration rateWindow,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("2m") Duration requeueAfter,
        @DefaultValue("30s") Duration sweepInterval) {

    BulkSyncProperties {
        if (!publishTimeout.isPositive() || !rateWindow.isPositive() || maxPageSize < 1 || !requeueAfter.isPositive()
                || !sweepInterval.isPositive()) {
            throw new IllegalArgumentException("trackgeek.api.bulk-syncs: publish-timeout, rate-window, requeue-after"
                    + " and sweep-interval must be positive and max-page-size at least 1");
        }
    }
}
