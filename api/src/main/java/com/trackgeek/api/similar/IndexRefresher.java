package com.trackgeek.api.similar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Fills the index from PostgreSQL before the instance reports ready (every stored vector, streamed), then catches
 * up every {@code catch-up-interval}: per model, the vectors stored since the previous read of it began (by
 * PostgreSQL's clock, which stamps {@code embedded_at}) less an overlap, and a new model's whole set. Measuring from
 * the previous read rather than from the newest vector held means a bulk of vectors stamped within the overlap (a
 * re-embedding, one large transaction) is read once or twice, not on every tick. Events make new vectors visible at once; the catch-up makes sure that one whose event was
 * lost (published after the worker's commit, or before this consumer had its partitions) is visible soon anyway.
 * The active model is evaluated after each.
 */
@Component
final class IndexRefresher implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IndexRefresher.class);

    private final StoredVectors stored;
    private final StoredModels models;
    private final VectorIndex index;
    private final ActiveModel active;
    private final SimilarProperties properties;
    /** Per model, when its previous read began (PostgreSQL's clock); guarded by this. */
    private final Map<String, Instant> readSince = new HashMap<>();

    IndexRefresher(StoredVectors stored, StoredModels models, VectorIndex index, ActiveModel active,
                   SimilarProperties properties) {
        this.stored = stored;
        this.models = models;
        this.index = index;
        this.active = active;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        rebuild();
    }

    synchronized void rebuild() {
        long start = System.nanoTime();
        Instant began = stored.now();
        long rows = stored.streamAll(this::upsert);
        index.models().forEach(model -> readSince.put(model, began));
        log.info("similar-titles index rebuilt from PostgreSQL: {} vectors of {} models in {} ms (int8 scan: {})", rows,
                index.models().size(), (System.nanoTime() - start) / 1_000_000,
                Int8Dot.VECTORISED ? "Vector API" : "plain loop, without --add-modules jdk.incubator.vector");
        active.evaluate();
    }

    @Scheduled(fixedDelayString = "${trackgeek.similar.catch-up-interval:30s}",
            initialDelayString = "${trackgeek.similar.catch-up-interval:30s}")
    synchronized void catchUp() {
        long start = System.nanoTime();
        long rows = 0;
        Instant began = stored.now();
        for (ModelStats model : models.stats()) {
            Instant previous = readSince.get(model.model());
            Instant since = previous == null ? null : previous.minus(properties.catchUpOverlap());
            rows += stored.streamModel(model.model(), since, this::upsert);
            readSince.put(model.model(), began);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (rows > 1_000) {
            log.info("similar-titles catch-up read {} vectors in {} ms", rows, millis);
        } else {
            log.debug("similar-titles catch-up read {} vectors in {} ms", rows, millis);
        }
        active.evaluate();
    }

    private void upsert(StoredVector vector) {
        index.upsert(vector.model(), vector.key(), vector.vector(), vector.embeddedAt());
    }
}
