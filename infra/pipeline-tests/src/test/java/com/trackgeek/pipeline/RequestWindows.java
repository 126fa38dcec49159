package com.trackgeek.pipeline;

import java.time.Duration;
import java.util.List;

/** Counting requests the way a provider's sliding-window limiter does. */
final class RequestWindows {

    private RequestWindows() {
    }

    /** The most requests in any half-open window {@code (t - length, t]}; times in milliseconds, sorted. */
    static int maxInAnyWindow(List<Long> sortedMillis, Duration length) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < sortedMillis.size(); end++) {
            while (sortedMillis.get(start) <= sortedMillis.get(end) - length.toMillis()) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
