package com.trackgeek.embedding.item;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Per-lane throughput, outcomes, latency and batch sizes: what a queue-health dashboard needs to tell a
 * stuck lane from a busy one.
 */
@Component
final class EmbeddingMetrics {

    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();

    EmbeddingMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Registered up front so every series exists at 0 and rate() works from the first scrape.
        for (EmbeddingLane lane : EmbeddingLane.values()) {
            received(lane);
            for (Outcome outcome : Outcome.values()) {
                completed(lane, outcome);
            }
        }
    }

    void received(EmbeddingLane lane, List<EmbeddingRequested> batch) {
        received(lane).increment(batch.size());
        DistributionSummary.builder("trackgeek.embedding.batch.size")
                .description("Requests per listener call (one on the high lane)")
                .tag("lane", tag(lane))
                .publishPercentileHistogram()
                .maximumExpectedValue(1024.0)
                .register(registry)
                .record(batch.size());
        Timer wait = Timer.builder("trackgeek.embedding.request.wait")
                .description("From the request's requestedAt to its arrival at the worker")
                .tag("lane", tag(lane))
                .publishPercentileHistogram()
                .register(registry);
        var now = clock.instant();
        batch.forEach(request -> wait.record(Duration.between(request.requestedAt(), now).isNegative()
                ? Duration.ZERO : Duration.between(request.requestedAt(), now)));
    }

    void completed(EmbeddingLane lane, Outcome outcome, int requests) {
        completed(lane, outcome).increment(requests);
    }

    /** Times one model call of {@code texts} texts and counts the vectors it computed. */
    <T> T modelCall(EmbeddingLane lane, String model, int texts, Supplier<T> call) {
        T result = Timer.builder("trackgeek.embedding.model.duration")
                .description("One call of the embedding model (a chunk of texts)")
                .tags("lane", tag(lane), "model", model)
                .publishPercentileHistogram()
                .register(registry)
                .record(call);
        Counter.builder("trackgeek.embedding.vectors.computed")
                .description("Vectors computed by the model")
                .tags("lane", tag(lane), "model", model)
                .register(registry)
                .increment(texts);
        return result;
    }

    private Counter received(EmbeddingLane lane) {
        return Counter.builder("trackgeek.embedding.requests.received")
                .description("Embedding requests received, redeliveries included")
                .tag("lane", tag(lane))
                .register(registry);
    }

    private Counter completed(EmbeddingLane lane, Outcome outcome) {
        return Counter.builder("trackgeek.embedding.requests.completed")
                .description("Embedding requests processed, by outcome")
                .tags("lane", tag(lane), "outcome", outcome.value())
                .register(registry);
    }

    static String tag(EmbeddingLane lane) {
        return lane.name().toLowerCase(Locale.ROOT);
    }
}
