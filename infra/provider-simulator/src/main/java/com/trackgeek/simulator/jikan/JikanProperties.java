package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.FaultSettings;
import com.trackgeek.simulator.RateWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the simulated Jikan behaves.
 *
 * @param rateLimit      the public api.jikan.moe limits
 * @param latency        added to every admitted request
 * @param errorRate      fraction (0..1) answered 500 with Jikan's UpstreamException body
 * @param timeoutRate    fraction (0..1) held for {@code timeoutDelay} before being answered
 * @param timeoutDelay   how long a "timed out" request is held
 * @param notFoundAboveId ids above this (and ids below 1) are unknown to MyAnimeList, unless a fixture has them
 * @param topSize        entries in {@code /top/anime}
 * @param seed           drives every synthesised item and every injected fault
 */
@ConfigurationProperties("simulator.jikan")
record JikanProperties(
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("0ms") Duration latency,
        @DefaultValue("0") double errorRate,
        @DefaultValue("0") double timeoutRate,
        @DefaultValue("30s") Duration timeoutDelay,
        @DefaultValue("1000000") long notFoundAboveId,
        @DefaultValue("1000") int topSize,
        @DefaultValue("20221207") long seed) {

    JikanProperties {
        if (topSize < 0) {
            throw new IllegalArgumentException("simulator.jikan.top-size must not be negative: " + topSize);
        }
    }

    /**
     * @param perSecond 0 switches that window off
     * @param perMinute 0 switches that window off
     */
    record RateLimit(@DefaultValue("true") boolean enabled,
                     @DefaultValue("3") int perSecond,
                     @DefaultValue("60") int perMinute) {

        List<RateWindow> windows() {
            List<RateWindow> windows = new ArrayList<>();
            if (perSecond > 0) {
                windows.add(new RateWindow(perSecond, Duration.ofSeconds(1)));
            }
            if (perMinute > 0) {
                windows.add(new RateWindow(perMinute, Duration.ofMinutes(1)));
            }
            return windows;
        }
    }

    FaultSettings faults() {
        return new FaultSettings(latency, errorRate, timeoutRate, timeoutDelay, seed);
    }

    boolean exists(long malId) {
        return malId >= 1 && malId <= notFoundAboveId;
    }
}
