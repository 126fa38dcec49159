package com.trackgeek.simulator.tmdb;

import com.trackgeek.simulator.FaultSettings;
import com.trackgeek.simulator.RateWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How the simulated TMDB v3 behaves.
 *
 * @param rateLimit       requests per second TMDB's CDN lets one client make
 * @param apiKey          the v3 key accepted as {@code api_key}; empty accepts any non-empty key
 * @param bearerToken     the v4 token accepted as {@code Authorization: Bearer}; empty accepts any non-empty token
 * @param latency         added to every admitted request
 * @param errorRate       fraction (0..1) answered 500
 * @param timeoutRate     fraction (0..1) held for {@code timeoutDelay} before being answered
 * @param timeoutDelay    how long a "timed out" request is held
 * @param notFoundAboveId ids above this (and below 1) are unknown to TMDB, unless recorded or scripted
 * @param seed            drives every synthesised movie, show and season
 */
@ConfigurationProperties("simulator.tmdb")
record TmdbProperties(
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("") String apiKey,
        @DefaultValue("") String bearerToken,
        @DefaultValue("0ms") Duration latency,
        @DefaultValue("0") double errorRate,
        @DefaultValue("0") double timeoutRate,
        @DefaultValue("30s") Duration timeoutDelay,
        @DefaultValue("1000000") long notFoundAboveId,
        @DefaultValue("20260820") long seed) {

    /**
     * @param perSecond 0 switches that window off
     * @param perMinute 0 (TMDB's own: none) switches that window off; benchmarks set it to scale TMDB's limit to a
     *                  long window, where a client's burst costs little of the allowed rate
     */
    record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("40") int perSecond,
                     @DefaultValue("0") int perMinute) {

        List<RateWindow> windows() {
            List<RateWindow> windows = new java.util.ArrayList<>();
            if (enabled && perSecond > 0) {
                windows.add(new RateWindow(perSecond, Duration.ofSeconds(1)));
            }
            if (enabled && perMinute > 0) {
                windows.add(new RateWindow(perMinute, Duration.ofMinutes(1)));
            }
            return List.copyOf(windows);
        }
    }

    FaultSettings faults() {
        return new FaultSettings(latency, errorRate, timeoutRate, timeoutDelay, seed);
    }

    boolean exists(long id) {
        return id >= 1 && id <= notFoundAboveId;
    }

    @Override
    public String toString() {
        return "TmdbProperties[rateLimit=" + rateLimit + ", apiKey=" + (apiKey.isEmpty() ? "(any)" : "(set)")
                + ", bearerToken=" + (bearerToken.isEmpty() ? "(any)" : "(set)") + ", notFoundAboveId=" + notFoundAboveId + "]";
    }
}
