package com.trackgeek.embedding;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.Anime;
import com.trackgeek.contracts.catalog.MalEntry;
import com.trackgeek.contracts.catalog.Title;
import com.trackgeek.servicekit.items.MediaItemStore;
import com.trackgeek.testsupport.SharedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * One worker, started once for all integration tests (same configuration, so Spring caches the context),
 * against the JVM's shared PostgreSQL and Kafka. Tests stay independent by using item ids of their own.
 */
@SpringBootTest(classes = EmbeddingWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=embedding-worker")
@Import(UnembeddableTexts.class)
abstract class WorkerIntegrationTest {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicLong NEXT_ID = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
    }

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    JdbcClient jdbc;

    static MediaKey newAnimeKey() {
        return MediaKey.of(MediaType.ANIME, NEXT_ID.incrementAndGet());
    }

    @Autowired
    MediaItemStore store;

    /** Stores an anime the way the sync worker does: through the one item store, as its catalog record. */
    void insertAnime(MediaKey key, String title, List<String> genres, String synopsis) {
        store.upsert(anime(key, title, genres, synopsis));
    }

    static Anime anime(MediaKey key, String title, List<String> genres, String synopsis) {
        List<MalEntry> genreEntries = genres.stream().map(name -> new MalEntry(null, "anime", name, null)).toList();
        return new Anime(key.id(), null, null, null, title, List.of(new Title("Default", title)), "TV", null, null,
                null, null, null, null, null, null, null, null, null, null, null, synopsis, null, null, null, null,
                null, null, null, genreEntries, null, null, null, null, null, null, null, null, null);
    }

    void setSyncState(MediaKey key, String status) {
        jdbc.sql("""
                        insert into sync_state (media_type, provider_id, status) values (?, ?, ?)
                        on conflict (media_type, provider_id) do update set status = excluded.status""")
                .params(key.type().name(), key.id(), status)
                .update();
    }

    Optional<String> syncState(MediaKey key) {
        return jdbc.sql("select status from sync_state where media_type = ? and provider_id = ?")
                .params(key.type().name(), key.id()).query(String.class).optional();
    }

    EmbeddingRequested publish(EmbeddingLane lane, MediaKey key) {
        EmbeddingRequested request = EmbeddingRequested.of(UUID.randomUUID(), key, lane, Instant.now());
        publish(request);
        return request;
    }

    void publish(EmbeddingRequested request) {
        kafka.send(request.lane().topic(), request.item().toString(), request).join();
    }

    Optional<String> outcome(UUID requestId) {
        return jdbc.sql("select outcome from embedding_request where request_id = ?").param(requestId)
                .query(String.class).optional();
    }

    String awaitOutcome(UUID requestId) {
        return await().atMost(TIMEOUT).until(() -> outcome(requestId).orElse(null), outcome -> outcome != null);
    }
}
