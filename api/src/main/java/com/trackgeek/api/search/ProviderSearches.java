package com.trackgeek.api.search;

import com.trackgeek.api.quota.ClientQuota;
import com.trackgeek.api.quota.QuotaRefusal;
import com.trackgeek.api.quota.QuotaRoute;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.ProviderSearchRequested;
import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.AcknowledgedSend;
import com.trackgeek.servicekit.PipelineUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The providers' part of a search, got the one way that keeps every provider's single budget: the API holds no
 * credentials and calls no provider; it asks the sync worker over Kafka ({@link ProviderSearchRequested}) and
 * waits, bounded, for the answer to appear in the shared cache. Per key (type, normalised query, page, page
 * size) one caller on one instance claims the cache row and publishes; every other caller, here or on another
 * instance, waits for that same row, and for {@code cache-ttl} afterwards reads it without asking anyone.
 *
 * <p>Only the caller that claims a row makes a provider call, so only a claim costs the client quota: one token per
 * type whose provider it asks. A client without one gets that type's part as {@code quota_exceeded}, nothing
 * published, and the rest of its search as usual.
 */
@Component
final class ProviderSearches {

    private static final Logger log = LoggerFactory.getLogger(ProviderSearches.class);
    private static final Duration SHORTEST_PUBLISH_WAIT = Duration.ofMillis(500);

    private final ProviderSearchCache cache;
    private final KafkaTemplate<Object, Object> kafka;
    private final SearchProperties properties;
    private final MeterRegistry registry;
    private final ClientQuota quota;

    ProviderSearches(ProviderSearchCache cache, KafkaTemplate<Object, Object> kafka, SearchProperties properties,
                     MeterRegistry registry, ClientQuota quota) {
        this.quota = quota;
        this.cache = cache;
        this.kafka = kafka;
        this.properties = properties;
        this.registry = registry;
    }

    /** Each type's provider part for the page, all asked at once and waited for {@code provider-wait} in all. */
    List<ProviderPart> search(Set<MediaType> types, String query, int page, int limit) {
        Instant deadline = Instant.now().plus(properties.providerWait());
        Map<MediaType, ProviderPart> parts = new LinkedHashMap<>();
        Map<MediaType, ProviderSearchRow> waiting = new LinkedHashMap<>();
        for (MediaType type : types) {
            Optional<ProviderSearchRow> usable = cache.usable(type, query, page, limit);
            if (usable.isEmpty()) {
                Optional<QuotaRefusal> refused = quota.take(QuotaRoute.PROVIDER_SEARCH);
                if (refused.isPresent()) {
                    parts.put(type, quotaExceeded(type, query, page, limit, refused.get()));
                    continue;
                }
            }
            ProviderSearchRow row = usable.isPresent() ? usable.get() : start(type, query, page, limit, deadline);
            switch (row.status()) {
                case DONE -> parts.put(type, new ProviderPart(type, ProviderPart.Outcome.CACHED, row));
                case FAILED -> parts.put(type, new ProviderPart(type, ProviderPart.Outcome.FAILED, row));
                case RUNNING -> waiting.put(type, row);
            }
        }
        while (!waiting.isEmpty() && Instant.now().isBefore(deadline)) {
            pause(deadline);
            for (Iterator<Map.Entry<MediaType, ProviderSearchRow>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                Optional<ProviderSearchRow> now = cache.read(entry.getValue());
                if (now.isPresent() && now.get().status() != ProviderSearchRow.Status.RUNNING) {
                    parts.put(entry.getKey(), new ProviderPart(entry.getKey(), now.get().status() == ProviderSearchRow.Status.DONE
                            ? ProviderPart.Outcome.ANSWERED : ProviderPart.Outcome.FAILED, now.get()));
                    it.remove();
                }
            }
        }
        waiting.forEach((type, row) -> parts.put(type, new ProviderPart(type, ProviderPart.Outcome.TIMED_OUT, row)));
        List<ProviderPart> ordered = new ArrayList<>();
        for (MediaType type : types) {
            ProviderPart part = parts.get(type);
            counter(part).increment();
            ordered.add(part);
        }
        return ordered;
    }

    /** The key's row, claimed and its command published when no usable one exists. */
    private ProviderSearchRow start(MediaType type, String query, int page, int limit, Instant deadline) {
        UUID searchId = UUID.randomUUID();
        ProviderSearchRow row = cache.lookUpOrClaim(type, query, page, limit, searchId);
        if (!row.searchId().equals(searchId) || row.status() != ProviderSearchRow.Status.RUNNING) {
            return row;
        }
        var command = ProviderSearchRequested.of(searchId, type, row.query(), page, limit, Instant.now());
        try {
            // Bounded by what is left of the search's wait, but never so short that a healthy broker cannot answer.
            Duration left = Duration.between(Instant.now(), deadline);
            Duration timeout = left.compareTo(SHORTEST_PUBLISH_WAIT) > 0 ? left : SHORTEST_PUBLISH_WAIT;
            AcknowledgedSend.send(kafka, Topics.PROVIDER_SEARCHES, command.key(), command, timeout);
            return row;
        } catch (PipelineUnavailableException unpublished) {
            log.warn("Provider search for {} '{}' not published: {}", type, row.query(), unpublished.getMessage());
            cache.failUnpublished(row, "the search could not be handed to the sync worker: Kafka did not acknowledge it");
            return cache.read(row).orElse(row);
        }
    }

    private static ProviderPart quotaExceeded(MediaType type, String query, int page, int limit, QuotaRefusal refusal) {
        return new ProviderPart(type, ProviderPart.Outcome.QUOTA_EXCEEDED, new ProviderSearchRow(type, query, page,
                limit, null, ProviderSearchRow.Status.FAILED, List.of(), null, false, ErrorCode.QUOTA_EXCEEDED,
                refusal.detail(), null));
    }

    private void pause(Instant deadline) {
        long millis = Math.min(properties.pollInterval().toMillis(), Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a provider search", e);
        }
    }

    private Counter counter(ProviderPart part) {
        return Counter.builder("trackgeek.api.search.provider")
                .description("Provider parts of searches, by how they ended: answered (asked now), cached (an identical"
                        + " search's answer), failed, timed_out, quota_exceeded (the client's quota: not asked)")
                .tag("type", part.type().name())
                .tag("outcome", part.outcome().name().toLowerCase())
                .register(registry);
    }
}
