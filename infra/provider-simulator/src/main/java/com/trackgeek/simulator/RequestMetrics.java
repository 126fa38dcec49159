package com.trackgeek.simulator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts simulated requests by provider, endpoint pattern and outcome. Boot's own
 * {@code http.server.requests} cannot tell an injected timeout from a slow success, this can.
 */
@Component
public class RequestMetrics {

    static final String NAME = "simulator.requests";

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String provider, String endpoint, Outcome outcome) {
        Counter.builder(NAME)
                .description("Requests answered by the provider simulator")
                .tag("provider", provider)
                .tag("endpoint", endpoint)
                .tag("outcome", outcome.tag())
                .register(registry)
                .increment();
    }
}
