package com.trackgeek.api.similar;

import com.trackgeek.contracts.MediaKey;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The index of every model whose vectors are stored, one {@link ModelIndex} each: models are never mixed, and a
 * model about to become active (re-embedding on a switch) is complete in memory by the time it does.
 */
@Component
final class VectorIndex {

    private static final Logger log = LoggerFactory.getLogger(VectorIndex.class);

    private final Map<String, ModelIndex> models = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final ScanThreads scanThreads;

    VectorIndex(MeterRegistry registry, ScanThreads scanThreads) {
        this.registry = registry;
        this.scanThreads = scanThreads;
    }

    /** Stores one item's vector of {@code model}; false when it was older than the one held, or unusable. */
    boolean upsert(String model, MediaKey key, float[] vector, Instant embeddedAt) {
        ModelIndex index = models.computeIfAbsent(model, name -> newIndex(name, vector.length));
        boolean stored = index.upsert(key, vector, embeddedAt);
        if (!stored && vector.length != index.dimensions()) {
            log.warn("Ignoring the {} vector of {}: {} dimensions, the model's others have {}", model, key,
                    vector.length, index.dimensions());
        }
        return stored;
    }

    private ModelIndex newIndex(String model, int dimensions) {
        ModelIndex index = new ModelIndex(model, dimensions, scanThreads.executor(), scanThreads.parts());
        Gauge.builder("trackgeek.similar.vectors", index, ModelIndex::size)
                .description("Vectors of a model held in this instance's similar-titles index")
                .tag("model", model)
                .register(registry);
        return index;
    }

    Optional<ModelIndex> model(String model) {
        return Optional.ofNullable(model == null ? null : models.get(model));
    }

    Set<String> models() {
        return Set.copyOf(models.keySet());
    }
}
