package com.trackgeek.embedding.model.hosted;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A sliding one-minute window of this worker's requests to one hosted model: a request past the limit waits
 * for the oldest one to leave the window, so the provider's 429 stays the exception and not the pace-setter.
 */
final class RequestsPerMinute {

    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();

    private final int limit;
    private final Deque<Long> started = new ArrayDeque<>();

    RequestsPerMinute(int limit) {
        this.limit = limit;
    }

    /** Blocks until one more request fits in the window, then counts it. */
    synchronized void acquire() throws InterruptedException {
        if (limit == 0) {
            return;
        }
        while (true) {
            long now = System.nanoTime();
            while (!started.isEmpty() && now - started.peekFirst() >= WINDOW_NANOS) {
                started.removeFirst();
            }
            if (started.size() < limit) {
                started.addLast(now);
                return;
            }
            long waitNanos = started.peekFirst() + WINDOW_NANOS - now;
            wait(Math.max(1, waitNanos / 1_000_000));
        }
    }
}
