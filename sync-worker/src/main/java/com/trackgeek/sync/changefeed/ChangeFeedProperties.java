package com.trackgeek.sync.changefeed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the worker reads the providers' change feeds.
 *
 * @param enabled  off: no feed is read and every item waits for its timer
 * @param interval time between two polls of every feed (also the first poll's delay after start, and how far back
 *                 a feed never read before is read)
 */
@ConfigurationProperties("trackgeek.sync.change-feeds")
record ChangeFeedProperties(@DefaultValue("true") boolean enabled,
                            @DefaultValue("1h") Duration interval) {

    ChangeFeedProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("trackgeek.sync.change-feeds.interval must be positive, was " + interval);
        }
    }
}
