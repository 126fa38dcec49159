package com.trackgeek.simulator;

import java.time.Duration;

/** Whether a request may pass, and if not, how long until it would. */
public record RateLimitDecision(boolean allowed, Duration retryAfter) {

    static final RateLimitDecision ALLOWED = new RateLimitDecision(true, Duration.ZERO);

    static RateLimitDecision denied(Duration retryAfter) {
        return new RateLimitDecision(false, retryAfter);
    }

    /** Retry-After carries whole seconds; rounding down would invite a request that is still too early. */
    public long retryAfterSeconds() {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
