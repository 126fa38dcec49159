package com.trackgeek.sync.bulk;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.bulk.BulkItemOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * What bulk jobs cost and achieve, per provider and type: provider calls by phase (listing a selector, fetching
 * items) and items by outcome. Calls per fetched item, the figure that says whether batching works, is
 * {@code trackgeek.bulk.provider.calls{phase=fetch}} / {@code trackgeek.bulk.items{outcome=stored|unchanged}}.
 */
@Component
class BulkMetrics {

    private final MeterRegistry registry;

    BulkMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void listCalls(Provider provider, MediaType type, long calls) {
        calls(provider, type, "list", calls);
    }

    void fetchCalls(Provider provider, MediaType type, long calls) {
        calls(provider, type, "fetch", calls);
    }

    void item(Provider provider, MediaType type, BulkItemOutcome outcome) {
        items(provider, type, outcome, 1);
    }

    void items(Provider provider, MediaType type, BulkItemOutcome outcome, long count) {
        if (count == 0) {
            return;
        }
        Counter.builder("trackgeek.bulk.items")
                .description("Bulk job items finished, by outcome")
                .tag("provider", tag(provider))
                .tag("type", type.name())
                .tag("outcome", outcome.value())
                .register(registry)
                .increment(count);
    }

    /** A bulk command: {@code started} a job, {@code resumed} one whose first page was lost, or a {@code duplicate} of a job already taken, which runs nothing. */
    void command(String outcome) {
        Counter.builder("trackgeek.bulk.commands")
                .description("Bulk commands taken, by outcome (started, resumed, duplicate)")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    private void calls(Provider provider, MediaType type, String phase, long calls) {
        if (calls == 0) {
            return;
        }
        Counter.builder("trackgeek.bulk.provider.calls")
                .description("Provider HTTP calls made for bulk jobs (retries included), by phase (list, fetch)")
                .tag("provider", tag(provider))
                .tag("type", type.name())
                .tag("phase", phase)
                .register(registry)
                .increment(calls);
    }

    private static String tag(Provider provider) {
        return provider == null ? "none" : provider.name().toLowerCase(Locale.ROOT);
    }
}
