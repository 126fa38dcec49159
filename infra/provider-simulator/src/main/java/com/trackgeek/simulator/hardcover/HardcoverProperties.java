package com.trackgeek.simulator.hardcover;

import com.trackgeek.simulator.FaultSettings;
import com.trackgeek.simulator.RateWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How the simulated Hardcover behaves.
 *
 * @param perMinute       requests admitted in any minute (Hardcover: 60); 0 switches the limit off
 * @param token           the one API token accepted, with or without its {@code Bearer } prefix; blank accepts
 *                        any non-empty token
 * @param notFoundAboveId ids above this (and below 1) are unknown to Hardcover, unless a fixture has them
 * @param latency         added to every admitted request
 * @param errorRate       fraction (0..1) answered 500 with Hardcover's error body
 * @param timeoutRate     fraction (0..1) held for {@code timeoutDelay} before being answered
 * @param timeoutDelay    how long a "timed out" request is held
 * @param seed            drives every synthesised book and every injected fault
 * @param searchableBooks the synthesised books a title search looks through (ids 1 up to this), besides the
 *                        recorded ones: every id up to {@code notFoundAboveId} would be millions
 */
@ConfigurationProperties("simulator.hardcover")
record HardcoverProperties(@DefaultValue("60") int perMinute,
                           @DefaultValue("") String token,
                           @DefaultValue("4000000") long notFoundAboveId,
                           @DefaultValue("0ms") Duration latency,
                           @DefaultValue("0") double errorRate,
                           @DefaultValue("0") double timeoutRate,
                           @DefaultValue("30s") Duration timeoutDelay,
                           @DefaultValue("20250101") long seed,
                           @DefaultValue("2000") int searchableBooks) {

    List<RateWindow> windows() {
        return perMinute > 0 ? List.of(new RateWindow(perMinute, Duration.ofMinutes(1))) : List.of();
    }

    FaultSettings faults() {
        return new FaultSettings(latency, errorRate, timeoutRate, timeoutDelay, seed);
    }

    boolean exists(long id) {
        return id >= 1 && id <= notFoundAboveId;
    }

    /** Whether an {@code authorization} header carries the accepted token (Hardcover takes it with "Bearer "). */
    boolean accepts(String authorization) {
        String presented = bare(authorization);
        if (presented.isEmpty()) {
            return false;
        }
        return token == null || token.isBlank() || presented.equals(bare(token));
    }

    private static String bare(String value) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip();
        return stripped.toLowerCase(Locale.ROOT).startsWith("bearer ") ? stripped.substring(7).strip() : stripped;
    }

    @Override
    public String toString() {
        return "HardcoverProperties[perMinute=" + perMinute + ", token=" + (token == null || token.isBlank() ? "(any)" : "(set)")
                + ", notFoundAboveId=" + notFoundAboveId + ", seed=" + seed + "]";
    }
}
