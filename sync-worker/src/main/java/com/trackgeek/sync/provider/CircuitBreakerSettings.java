package com.trackgeek.sync.provider;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * When to stop calling a provider that keeps failing, so the worker answers {@code *_SERVICE_UNAVAILABLE}
 * at once instead of spending its rate limit and the caller's time.
 *
 * @param failureRateThreshold percentage of failed calls (5xx, timeouts) that opens the circuit
 * @param minimumCalls         calls seen before the rate is judged
 * @param openFor              how long calls are refused before a few are let through to probe
 */
public record CircuitBreakerSettings(@DefaultValue("50") int failureRateThreshold,
                                     @DefaultValue("10") int minimumCalls,
                                     @DefaultValue("30s") Duration openFor) {
}
