package com.trackgeek.sync.queuehealth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the queue-health gauges are computed from PostgreSQL.
 *
 * @param enabled  off: this replica never computes them (nor takes the lease); another replica may
 * @param interval time between two runs; the gauges are this old at most
 * @param lease    how long a run's claim to be the one instance that computes them lasts: renewed every run,
 *                 taken over by another instance once the holder has not renewed it for this long
 */
@ConfigurationProperties("trackgeek.sync.queue-health")
record QueueHealthProperties(@DefaultValue("true") boolean enabled,
                             @DefaultValue("15s") Duration interval,
                             @DefaultValue("60s") Duration lease) {

    QueueHealthProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("trackgeek.sync.queue-health.interval must be positive, was " + interval);
        }
        if (lease.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("trackgeek.sync.queue-health.lease (" + lease
                    + ") must be longer than its interval (" + interval + "), or the holder loses it between runs");
        }
    }
}
