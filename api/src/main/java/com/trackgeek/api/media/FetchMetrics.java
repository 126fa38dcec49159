package com.trackgeek.api.media;

import com.trackgeek.contracts.MediaType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Reads of items by outcome, and how long callers waited for syncs. */
@Component
final class FetchMetrics {

    /** The {@code result} tag of the wait timer. */
    enum WaitResult {
        SYNCED, FAILED, TIMEOUT
    }

    private final MeterRegistry registry;

    FetchMetrics(MeterRegistry registry, StoredItemReaders readers) {
        this.registry = registry;
        // Every series exists from the start, so dashboards and alerts see zeros rather than nothing.
        for (MediaType type : readers.supported()) {
            for (FetchOutcome outcome : FetchOutcome.values()) {
                counter(type, outcome);
            }
            for (WaitResult result : WaitResult.values()) {
                timer(type, result);
            }
        }
    }

    void outcome(MediaType type, FetchOutcome outcome) {
        counter(type, outcome).increment();
    }

    void waited(MediaType type, WaitResult result, Duration duration) {
        timer(type, result).record(duration);
    }

    private Counter counter(MediaType type, FetchOutcome outcome) {
        return Counter.builder("trackgeek.api.fetch")
                .description("Reads of an item by id, by how they were answered")
                .tag("type", type.name())
                .tag("outcome", outcome.tag())
                .register(registry);
    }

    private Timer timer(MediaType type, WaitResult result) {
        return Timer.builder("trackgeek.api.fetch.wait")
                .description("How long callers waited for the sync of an item that was not stored")
                .tag("type", type.name())
                .tag("result", result.name().toLowerCase())
                .publishPercentileHistogram()
                .register(registry);
    }
}
