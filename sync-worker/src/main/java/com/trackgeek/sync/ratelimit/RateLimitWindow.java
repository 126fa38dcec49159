package com.trackgeek.sync.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A provider's documented limit: at most {@code requests} in any {@code per}-long window.
 *
 * <p>{@code burst} is how many of them may go out back to back; the rest are spread evenly. A token bucket
 * that let the whole allowance out at once and then refilled continuously could put almost twice the
 * allowance into one sliding window, so the bucket is sized to keep {@code burst + refill} within it.
 */
public record RateLimitWindow(int requests, Duration per, Integer burst) {

    public RateLimitWindow {
        Objects.requireNonNull(per, "per");
        if (requests < 2) {
            throw new IllegalArgumentException("a window must allow at least 2 requests, was " + requests);
        }
        if (per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a window must be longer than zero, was " + per);
        }
        burst = burst == null ? 1 : burst;
        if (burst < 1 || burst >= requests) {
            throw new IllegalArgumentException("burst must be at least 1 and below requests (" + requests + "), was " + burst);
        }
    }

    public static RateLimitWindow of(int requests, Duration per) {
        return new RateLimitWindow(requests, per, null);
    }

    /** Tokens added back over one refill period; the period is the window stretched by the jitter allowance. */
    int refillTokens() {
        return requests - burst;
    }

    /**
     * Requests can reach the provider later than they left the bucket (scheduling, connection set-up); a
     * window at the provider then spans a little more than {@code per} of ours. Stretching the refill
     * period by that allowance keeps the provider's count within the limit.
     */
    Duration refillPeriod(Duration jitterAllowance) {
        return per.plus(jitterAllowance);
    }

    /** Requests per second this window lets through in the long run. */
    double sustainedRate(Duration jitterAllowance) {
        return refillTokens() * 1_000_000_000.0 / refillPeriod(jitterAllowance).toNanos();
    }

    /**
     * Requests per second a budget of {@code windows} lets through in the long run: its tightest window's
     * {@link #sustainedRate}. What a saturated budget hands out, so tokens taken / this is the share used.
     */
    public static double sustainedRate(List<RateLimitWindow> windows, Duration jitterAllowance) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("a budget needs at least one rate limit window");
        }
        return windows.stream().mapToDouble(window -> window.sustainedRate(jitterAllowance)).min().orElseThrow();
    }
}
