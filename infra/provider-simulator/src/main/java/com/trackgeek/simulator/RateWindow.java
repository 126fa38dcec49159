package com.trackgeek.simulator;

import java.time.Duration;

/** At most {@code limit} requests in any interval of length {@code period}. */
public record RateWindow(int limit, Duration period) {

    public RateWindow {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
    }
}
