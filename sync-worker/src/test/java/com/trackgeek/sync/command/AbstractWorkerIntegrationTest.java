package com.trackgeek.sync.command;

import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.SyncEvent;
import com.trackgeek.contracts.RefreshRequested;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.contracts.Topics;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.testsupport.SharedInfrastructure;
import com.trackgeek.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * The worker alone, as the API drives it: a request row and a command on the interactive lane in, the item,
 * its state and the events out. Jikan is the provider simulator, serving the real recorded bodies.
 *
 * <p>Every worker test class extends this one and adds no configuration of its own, so they all share one
 * application context: a second context would run a second set of consumers in the same group, which could
 * take another test's commands. It is public, its helpers protected, for the test classes of other packages
 * (the provider searches') to share that one context too.
 */
@SpringBootTest(properties = {
        "spring.config.name=sync-worker",
        "server.port=0",
        "trackgeek.kafka.retry-interval=100ms",
        // The freshness sweeper runs only when a test calls it: on a timer it would refresh other tests' items.
        "trackgeek.sync.freshness.sweeper.enabled=false",
        "trackgeek.providers.jikan.read-timeout=500ms",
        "trackgeek.providers.jikan.retry.initial-backoff=20ms",
        "trackgeek.providers.jikan.retry.max-backoff=2s",
        "trackgeek.providers.jikan.circuit-breaker.minimum-calls=1000",
        "trackgeek.providers.jikan.limits[0].requests=100",
        "trackgeek.providers.jikan.limits[0].per=1s",
        "trackgeek.providers.jikan.limits[1].requests=1000",
        "trackgeek.providers.jikan.limits[1].per=1m",
        "trackgeek.providers.jikan.limits[1].burst=20",
        "trackgeek.providers.tmdb.api-key=" + SharedSimulator.TMDB_API_KEY,
        "trackgeek.providers.tmdb.read-timeout=5s",
        "trackgeek.providers.tmdb.retry.initial-backoff=20ms",
        "trackgeek.providers.tmdb.retry.max-backoff=2s",
        "trackgeek.providers.tmdb.circuit-breaker.minimum-calls=1000",
        "trackgeek.providers.tmdb.limits[0].requests=200",
        "trackgeek.providers.tmdb.limits[0].per=1s",
        "trackgeek.providers.tmdb.limits[0].burst=20",
        "trackgeek.providers.hardcover.token=Bearer " + SharedSimulator.HARDCOVER_TOKEN,
        "trackgeek.providers.hardcover.read-timeout=2s",
        "trackgeek.providers.hardcover.retry.initial-backoff=20ms",
        "trackgeek.providers.hardcover.retry.max-backoff=2s",
        "trackgeek.providers.hardcover.circuit-breaker.minimum-calls=1000",
        "trackgeek.providers.hardcover.limits[0].requests=1000",
        "trackgeek.providers.hardcover.limits[0].per=1m",
        "trackgeek.providers.hardcover.limits[0].burst=100",
        "trackgeek.providers.igdb.client-id=" + SharedSimulator.IGDB_CLIENT_ID,
        "trackgeek.providers.igdb.client-secret=" + SharedSimulator.IGDB_CLIENT_SECRET,
        "trackgeek.providers.igdb.read-timeout=2s",
        "trackgeek.providers.igdb.retry.initial-backoff=20ms",
        "trackgeek.providers.igdb.retry.max-backoff=200ms",
        "trackgeek.providers.igdb.circuit-breaker.minimum-calls=1000",
        "trackgeek.providers.igdb.limits[0].requests=100",
        "trackgeek.providers.igdb.limits[0].per=1s",
})
public abstract class AbstractWorkerIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Ids of the items tests create; below the simulator's not-found bound, so unscripted ids exist. */
    private static final AtomicLong NEXT_ID = new AtomicLong(910_000);
    /** Ids above the simulator's not-found bound: MyAnimeList has no such item. */
    private static final AtomicLong NEXT_MISSING_ID = new AtomicLong(5_000_000);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
        registry.add("trackgeek.providers.jikan.base-url", () -> jikan().jikanBaseUrl());
        registry.add("trackgeek.providers.tmdb.base-url", () -> jikan().tmdbBaseUrl());
        registry.add("trackgeek.providers.hardcover.base-url", () -> jikan().hardcoverGraphqlUrl());
        registry.add("trackgeek.providers.igdb.base-url", () -> jikan().igdbBaseUrl());
        registry.add("trackgeek.providers.igdb.token-url", () -> jikan().twitchTokenUrl());
    }

    @Autowired
    protected KafkaTemplate<Object, Object> kafka;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected JsonMapper json;

    // --- ids and the fake Jikan ---

    protected static EmbeddedSimulator jikan() {
        return SharedSimulator.simulator();
    }

    protected static long newId() {
        return NEXT_ID.incrementAndGet();
    }

    protected static long missingId() {
        return NEXT_MISSING_ID.incrementAndGet();
    }

    /** A fresh id that Jikan answers with the recorded body of {@code recordedId}. */
    protected static long recorded(MediaType type, long recordedId) {
        long id = newId();
        jikan().jikan().serveRecordedAs(type.pathSegment(), id, recordedId);
        return id;
    }

    /** Path regex of one item's Jikan resource, e.g. {@code jikanPath(ANIME, 910001, "full")}. */
    protected static String jikanPath(MediaType type, long id, String resource) {
        return SharedSimulator.jikanPath(type.pathSegment() + "/" + id + "/" + resource);
    }

    protected static int calls(MediaType type, long id, String resource) {
        return jikan().requests().count(jikanPath(type, id, resource));
    }

    // --- the API's part, played by the test ---

    protected UUID request(MediaType type, long id) {
        UUID requestId = queuedRequest(type, id);
        send(FetchRequested.of(requestId, MediaKey.of(type, id), SyncLane.INTERACTIVE, Instant.now()));
        return requestId;
    }

    /** The row the API writes before it publishes; the partial unique index refuses it while another is active. */
    protected UUID queuedRequest(MediaType type, long id) {
        UUID requestId = UUID.randomUUID();
        jdbc.sql("insert into sync_request (id, media_type, provider_id, kind, lane, status) values (:id, :type, :providerId, 'FETCH', 'INTERACTIVE', 'queued')")
                .param("id", requestId).param("type", type.name()).param("providerId", id).update();
        return requestId;
    }

    /** A refresh a person asked for, as the API records and sends it; returns once the worker finished it. */
    protected UUID refreshAndWait(MediaType type, long id) {
        UUID requestId = UUID.randomUUID();
        jdbc.sql("insert into sync_request (id, media_type, provider_id, kind, lane, status) values (:id, :type, :providerId, 'REFRESH', 'INTERACTIVE', 'queued')")
                .param("id", requestId).param("type", type.name()).param("providerId", id).update();
        send(RefreshRequested.of(requestId, MediaKey.of(type, id), SyncLane.INTERACTIVE, Instant.now()));
        await().atMost(PATIENCE).until(() -> !requestStatus(requestId).equals("queued") && !requestStatus(requestId).equals("running"));
        return requestId;
    }

    protected void send(SyncRequest command) {
        kafka.send(Topics.SYNC_REQUESTS_INTERACTIVE, command.item().toString(), command).join();
    }

    protected SyncEvent awaitEvent(TopicProbe events, UUID requestId) {
        return json.readValue(events.await(r -> r.value().contains(requestId.toString()), PATIENCE).value(), SyncEvent.class);
    }

    protected static TopicProbe probe(String topic) {
        return TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), topic);
    }

    // --- what the worker recorded ---

    protected Optional<JsonNode> document(MediaType type, long id) {
        return jdbc.sql("select document::text from media_item where media_type = :type and provider_id = :id")
                .param("type", type.name()).param("id", id)
                .query(String.class).optional().map(json::readTree);
    }

    protected String state(MediaType type, long id) {
        return jdbc.sql("select status from sync_state where media_type = :type and provider_id = :id")
                .param("type", type.name()).param("id", id).query(String.class).single();
    }

    protected String stateErrorCode(MediaType type, long id) {
        return jdbc.sql("select last_error_code from sync_state where media_type = :type and provider_id = :id")
                .param("type", type.name()).param("id", id).query(String.class).single();
    }

    protected String requestStatus(UUID requestId) {
        return jdbc.sql("select status from sync_request where id = :id").param("id", requestId).query(String.class).single();
    }

    protected String requestErrorCode(UUID requestId) {
        return jdbc.sql("select error_code from sync_request where id = :id").param("id", requestId).query(String.class).single();
    }
}
