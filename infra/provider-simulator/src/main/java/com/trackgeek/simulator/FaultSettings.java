package com.trackgeek.simulator;

import java.time.Duration;

/**
 * How badly a simulated provider behaves.
 *
 * @param latency      added to every admitted request
 * @param errorRate    fraction (0..1) of requests answered with the provider's 5xx body
 * @param timeoutRate  fraction (0..1) of requests held for {@code timeoutDelay} before being answered
 * @param timeoutDelay long enough to outlast the client's read timeout
 * @param seed         makes the sequence of injected faults repeatable
 */
public record FaultSettings(Duration latency, double errorRate, double timeoutRate, Duration timeoutDelay, long seed) {

    public FaultSettings {
        requireFraction("errorRate", errorRate);
        requireFraction("timeoutRate", timeoutRate);
        if (latency.isNegative() || timeoutDelay.isNegative()) {
            throw new IllegalArgumentException("latency and timeoutDelay must not be negative");
        }
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1: " + value);
        }
    }
}
