package com.trackgeek.sync.ratelimit;

import java.time.Duration;
import java.util.List;

/** Counting requests the way a provider's sliding-window limiter does. */
final class SlidingWindows {

    private SlidingWindows() {
    }

    /** The most requests in any half-open window {@code (t - length, t]}; times in nanoseconds, sorted. */
    static int maxInAnyWindow(List<Long> sortedNanos, Duration window) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < sortedNanos.size(); end++) {
            // Half-open: a request exactly one window later no longer overlaps.
            while (sortedNanos.get(start) <= sortedNanos.get(end) - window.toNanos()) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
