package com.trackgeek.sync.changefeed;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/**
 * What the feeds cost and bring, per provider and media type: ids the feed named, held items made due, provider
 * calls, gaps the feed could not cover (left to the timers) and polls that failed.
 */
final class ChangeFeedMetrics {

    private final MeterRegistry registry;

    ChangeFeedMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void polled(Provider provider, MediaType type, int idsSeen, int marked, int calls) {
        counter("trackgeek.sync.change_feed.ids", "Ids a change feed named as changed", provider, type).increment(idsSeen);
        counter("trackgeek.sync.change_feed.marked", "Held items a change feed made due for a refresh", provider, type)
                .increment(marked);
        counter("trackgeek.sync.change_feed.calls", "Provider calls spent reading a change feed", provider, type)
                .increment(calls);
    }

    void gap(Provider provider, MediaType type) {
        counter("trackgeek.sync.change_feed.gaps", "Polls whose range reached further back than the feed covers",
                provider, type).increment();
    }

    void failed(Provider provider, MediaType type) {
        counter("trackgeek.sync.change_feed.failures", "Polls of a change feed that failed (position kept)",
                provider, type).increment();
    }

    private Counter counter(String name, String description, Provider provider, MediaType type) {
        return Counter.builder(name).description(description)
                .tag("provider", provider.name().toLowerCase(Locale.ROOT))
                .tag("type", type.name())
                .register(registry);
    }
}
