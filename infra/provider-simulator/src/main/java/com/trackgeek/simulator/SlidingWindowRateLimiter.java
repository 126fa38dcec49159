package com.trackgeek.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Sliding-log limiter over several windows at once (Jikan: 3 per second AND 60 per minute).
 *
 * <p>Hand-written rather than Bucket4j: a token bucket refills gradually, so it admits request
 * patterns that a provider counting requests in a sliding window rejects, and the simulator exists
 * to reproduce the provider's verdicts and its exact Retry-After. Only admitted requests are logged,
 * as a rejected request costs the provider nothing. Without windows every request passes.
 */
public final class SlidingWindowRateLimiter {

    private final Clock clock;
    private final List<Log> logs;

    public SlidingWindowRateLimiter(Clock clock, List<RateWindow> windows) {
        this.clock = clock;
        this.logs = windows.stream().map(Log::new).toList();
    }

    public synchronized RateLimitDecision tryAcquire() {
        long now = clock.millis();
        long waitMillis = 0;
        for (Log log : logs) {
            waitMillis = Math.max(waitMillis, log.millisUntilFree(now));
        }
        if (waitMillis > 0) {
            return RateLimitDecision.denied(Duration.ofMillis(waitMillis));
        }
        logs.forEach(log -> log.admitted.addLast(now));
        return RateLimitDecision.ALLOWED;
    }

    private static final class Log {
        private final int limit;
        private final long periodMillis;
        private final Deque<Long> admitted = new ArrayDeque<>();

        private Log(RateWindow window) {
            this.limit = window.limit();
            this.periodMillis = window.period().toMillis();
        }

        private long millisUntilFree(long now) {
            while (!admitted.isEmpty() && admitted.peekFirst() <= now - periodMillis) {
                admitted.removeFirst();
            }
            if (admitted.size() < limit) {
                return 0;
            }
            // The window frees up when the oldest request that keeps it full leaves it.
            long oldestBlocking = admitted.stream().skip(admitted.size() - limit).findFirst().orElseThrow();
            return oldestBlocking + periodMillis - now;
        }
    }
}
