package com.trackgeek.api;

import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.items.MediaItemStore;
import com.trackgeek.testsupport.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * The one Spring context of this module's tests (every test class extends this and adds no configuration,
 * so the context, its Kafka consumer included, is built once): the real application on a random port
 * against the JVM's shared embedded PostgreSQL and Kafka. No sync worker runs here; tests that need one
 * play it with {@link FakeSyncWorker}.
 */
// Books are left out of this deployment, so the tests can show what a type not served answers.
@SpringBootTest(properties = {"spring.config.name=api", "trackgeek.api.media-types=anime,manga,movie,tv,game",
        // No sync worker answers provider searches here: searches the database cannot answer wait this long.
        "trackgeek.api.search.provider-wait=300ms"}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiIntegrationTest {

    /** Item ids unique in this JVM and unlikely to meet a previous run's in a reused database. */
    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000, 900_000) * 1_000);
    private static volatile boolean syncEventsFlowing;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MediaItemStore items;

    @Autowired
    protected KafkaTemplate<Object, Object> kafka;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected MeterRegistry meters;

    protected final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    protected static MediaKey newAnimeKey() {
        return newKey(MediaType.ANIME);
    }

    protected static MediaKey newKey(MediaType type) {
        return MediaKey.of(type, IDS.incrementAndGet());
    }

    protected FakeSyncWorker worker() {
        return new FakeSyncWorker(jdbc, items, kafka);
    }

    /**
     * The API's sync-events consumer joins its group from the latest offset, so events published before it
     * has its partitions are not seen. Tests that need an event to arrive wait until one demonstrably does.
     */
    @BeforeEach
    void syncEventsAreFlowing() {
        if (syncEventsFlowing) {
            return;
        }
        MediaKey probe = MediaKey.of(MediaType.ANIME, 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            double before = eventsReceived();
            kafka.send(Topics.SYNC_EVENTS, probe.toString(), ItemSynced.of(UUID.randomUUID(), probe, Instant.now()))
                    .get();
            Thread.sleep(300);
            return eventsReceived() > before;
        });
        syncEventsFlowing = true;
    }

    private double eventsReceived() {
        var counter = meters.find("trackgeek.api.sync.events").tag("event", "ItemSynced").counter();
        return counter == null ? 0 : counter.count();
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    protected static String itemPath(MediaKey key) {
        return ApiPaths.item(key).toString();
    }

    protected double fetchCount(String outcome) {
        return fetchCount(MediaType.ANIME, outcome);
    }

    protected double fetchCount(MediaType type, String outcome) {
        var counter = meters.find("trackgeek.api.fetch").tag("type", type.name()).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    protected int syncRequestCount(MediaKey key) {
        return jdbc.sql("select count(*) from sync_request where media_type = :type and provider_id = :id")
                .param("type", key.type().name())
                .param("id", key.id())
                .query(Integer.class)
                .single();
    }
}
