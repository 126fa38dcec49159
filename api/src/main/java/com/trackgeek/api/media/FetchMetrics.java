package com.trackgeek.api.media;

import com.trackgeek.contracts.MediaType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads of items by outcome, and how long callers waited for syncs. Every meter is registered up front and
 * kept: counting a cache hit is one increment, not a registry look-up (it runs on the hottest path there is).
 */
@Component
final class FetchMetrics {

    /** The {@code result} tag of the wait timer. */
    enum WaitResult {
        SYNCED, FAILED, TIMEOUT
    }

    private final Map<MediaType, Map<FetchOutcome, Counter>> counters = new EnumMap<>(MediaType.class);
    private final Map<MediaType, Map<WaitResult, Timer>> timers = new EnumMap<>(MediaType.class);

    FetchMetrics(MeterRegistry registry, ServedMediaTypes served) {
        // Every series exists from the start, so dashboards and alerts see zeros rather than nothing.
        for (MediaType type : served.types()) {
            Map<FetchOutcome, Counter> byOutcome = new EnumMap<>(FetchOutcome.class);
            for (FetchOutcome outcome : FetchOutcome.values()) {
                byOutcome.put(outcome, Counter.builder("trackgeek.api.fetch")
                        .description("Reads of an item by id, by how they were answered")
                        .tag("type", type.name())
                        .tag("outcome", outcome.tag())
                        .register(registry));
            }
            counters.put(type, byOutcome);
            Map<WaitResult, Timer> byResult = new EnumMap<>(WaitResult.class);
            for (WaitResult result : WaitResult.values()) {
                byResult.put(result, Timer.builder("trackgeek.api.fetch.wait")
                        .description("How long callers waited for the sync of an item that was not stored")
                        .tag("type", type.name())
                        .tag("result", result.name().toLowerCase())
                        .publishPercentileHistogram()
                        .register(registry));
            }
            timers.put(type, byResult);
        }
    }

    /** Only for served types: the others are refused before anything is read. */
    void outcome(MediaType type, FetchOutcome outcome) {
        counters.get(type).get(outcome).increment();
    }

    void waited(MediaType type, WaitResult result, Duration duration) {
        timers.get(type).get(result).record(duration);
    }
}
