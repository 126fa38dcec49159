package com.trackgeek.embedding.backfill;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.embedding.model.TextEmbeddingModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * After a model switch, requests the embedding of every stored item that has no vector of this worker's model, on
 * the LOW lane: the high lane keeps its priority, and the old model's vectors keep answering until the new model
 * covers the catalog (which model {@code similar} answers with is the API's choice).
 *
 * <p>Runs once at start, in a thread of its own (the worker consumes meanwhile). One replica does it: the one that
 * takes the {@code scheduled_lease} row of this model; it keeps the lease for {@code lease}, so a replica starting
 * while the lane still drains does not request the same items again. Running twice anyway is harmless: the worker
 * skips a text whose vector of this model is stored (by content hash).
 *
 * <p>Every stored item has an embedding text (each catalog record describes itself, whatever its type), so every
 * {@code media_item} row of a type this build knows counts, partial ones (search hits) included, as the sync worker
 * requests theirs too.
 */
@Component
final class ModelBackfill {

    private static final Logger log = LoggerFactory.getLogger(ModelBackfill.class);

    private final JdbcClient jdbc;
    private final KafkaTemplate<Object, Object> kafka;
    private final TextEmbeddingModel model;
    private final BackfillProperties properties;
    private final String holder = UUID.randomUUID().toString();
    private final AtomicLong missing = new AtomicLong();
    private final Counter requested;
    private volatile boolean closing;

    ModelBackfill(JdbcClient jdbc, KafkaTemplate<Object, Object> kafka, TextEmbeddingModel model,
                  BackfillProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.model = model;
        this.properties = properties;
        this.requested = Counter.builder("trackgeek.embedding.backfill.requested")
                .description("Embeddings requested on the low lane because the model did not cover the catalog")
                .tag("model", model.name())
                .register(meters);
        Gauge.builder("trackgeek.embedding.backfill.missing", missing, AtomicLong::get)
                .description("Stored items without a vector of the worker's model when its backfill started")
                .tag("model", model.name())
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (properties.enabled()) {
            Thread.ofPlatform().name("embedding-backfill").daemon().start(() -> {
                try {
                    run();
                } catch (RuntimeException failure) {
                    // Kafka or PostgreSQL away: the items stay uncovered; the next start (or another replica once
                    // the lease expires) requests them.
                    log.warn("Backfill of model {} stopped: {}", model.name(), failure.toString());
                }
            });
        }
    }

    @EventListener(ContextClosedEvent.class)
    void onClose() {
        closing = true;
    }

    /** @return the embeddings requested; -1 when another replica holds this model's backfill */
    long run() {
        if (!claimLease()) {
            log.info("Backfill of model {}: another replica holds it", model.name());
            return -1;
        }
        missing.set(countMissing());
        if (missing.get() == 0) {
            log.info("Model {} covers the catalog: nothing to backfill", model.name());
            return 0;
        }
        log.info("Model {} lacks {} stored items: requesting their embedding on the low lane", model.name(), missing.get());
        long sent = 0;
        MediaKey after = null;
        List<MediaKey> page;
        while (!closing && !(page = nextPage(after)).isEmpty()) {
            publish(page);
            sent += page.size();
            requested.increment(page.size());
            after = page.getLast();
            claimLease();
        }
        log.info("Backfill of model {}: {} embeddings requested on the low lane{}", model.name(), sent, closing ? " (stopped by shutdown)" : "");
        return sent;
    }

    /** Takes this model's lease, or renews it when this instance holds it; true when it does. */
    private boolean claimLease() {
        return jdbc.sql("""
                        insert into scheduled_lease (name, holder, expires_at) values (:name, :holder, now() + :length::interval)
                        on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
                         where scheduled_lease.holder = excluded.holder or scheduled_lease.expires_at < now()
                        returning holder""")
                .param("name", "embedding-backfill:" + model.name())
                .param("holder", holder)
                .param("length", properties.lease().toMillis() + " milliseconds")
                .query(String.class)
                .optional()
                .isPresent();
    }

    private long countMissing() {
        return jdbc.sql("select count(*) from media_item m where m.media_type = any(:types) and " + NO_VECTOR)
                .param("types", knownTypes())
                .param("model", model.name())
                .query(Long.class).single();
    }

    private static final String NO_VECTOR = """
            not exists (select 1 from item_embedding e
                         where e.media_type = m.media_type and e.provider_id = m.provider_id and e.model = :model)""";

    /** The next page in key order, after {@code after} (null: from the start). */
    private List<MediaKey> nextPage(MediaKey after) {
        return jdbc.sql("""
                        select m.media_type, m.provider_id from media_item m
                         where m.media_type = any(:types) and (m.media_type, m.provider_id) > (:type, :id) and\s""" + NO_VECTOR + """

                         order by m.media_type, m.provider_id
                         limit :limit""")
                .param("types", knownTypes())
                .param("type", after == null ? "" : after.type().name())
                .param("id", after == null ? Long.MIN_VALUE : after.id())
                .param("model", model.name())
                .param("limit", properties.pageSize())
                .query((rs, row) -> MediaKey.of(MediaType.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
    }

    /** Sends the page's requests, then waits for all acknowledgements. */
    private void publish(List<MediaKey> page) {
        Instant now = Instant.now();
        List<CompletableFuture<?>> sends = new ArrayList<>(page.size());
        for (MediaKey item : page) {
            EmbeddingRequested request = EmbeddingRequested.of(UUID.randomUUID(), item, EmbeddingLane.LOW, now);
            sends.add(kafka.send(EmbeddingLane.LOW.topic(), item.toString(), request));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .orTimeout(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }

    private static String[] knownTypes() {
        return Arrays.stream(MediaType.values()).map(MediaType::name).toArray(String[]::new);
    }
}
