package com.trackgeek.sync.drift;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The drift alarm's settings.
 *
 * @param enabled       off: every refresh is written as the provider answers it
 * @param window        how far back a provider's refreshes are counted; a provider with no refresh in a whole window
 *                      is untripped (the cool-down)
 * @param minimumSample refreshes the window must hold before its share of degraded ones can trip or untrip the alarm
 * @param threshold     share of degraded refreshes (0..1) at or above which the provider trips
 * @param clearBelow    share below which a tripped provider clears (at most the threshold): lower than the threshold
 *                      so that one good refresh right after the trip does not clear it again
 */
@ConfigurationProperties("trackgeek.sync.drift")
public record DriftProperties(@DefaultValue("true") boolean enabled,
                              @DefaultValue("5m") Duration window,
                              @DefaultValue("20") int minimumSample,
                              @DefaultValue("0.25") double threshold,
                              @DefaultValue("0.125") double clearBelow) {

    public DriftProperties {
        if (window.isNegative() || window.isZero() || minimumSample < 1 || threshold <= 0 || threshold > 1
                || clearBelow <= 0 || clearBelow > threshold) {
            throw new IllegalArgumentException("trackgeek.sync.drift: window must be positive, minimum-sample at least 1,"
                    + " threshold in (0, 1] and clear-below in (0, threshold]; were " + window + ", " + minimumSample
                    + ", " + threshold + ", " + clearBelow);
        }
    }
}
