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

import static org.assertj.core.api.Assertions.assertThat;
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
        "trackgeek.api.search.provider-wait=300ms",
        // No sync worker takes bulk jobs here either: the tests sweep unclaimed ones themselves, so that the jobs
        // other tests leave queued are not published again while a test watches the bulk commands.
        "trackgeek.api.bulk-syncs.sweep-interval=1h",
        // API keys, each with one scope (ApiIntegrationTest.BULK_KEY and its siblings are the keys); the last one
        // may make only one write a minute.
        "trackgeek.api.security.keys[0].name=bulk-operator",
        "trackgeek.api.security.keys[0].hash={sha256}70defefab556b656f8c5819aa3852f04c7cf450f51894758e01be227ca18296d",
        "trackgeek.api.security.keys[0].scopes=bulk-syncs:write",
        "trackgeek.api.security.keys[1].name=refresher",
        "trackgeek.api.security.keys[1].hash={sha256}3e14356f69f598441def2139698a5cddde82b41584e30a00a25bda03dcda0fe2",
        "trackgeek.api.security.keys[1].scopes=items:refresh",
        "trackgeek.api.security.keys[2].name=operator",
        "trackgeek.api.security.keys[2].hash={sha256}43f89b3109a23250c21ca5022cf05a2713a725a67cd4fdc4b4e1db7a5100f674",
        "trackgeek.api.security.keys[2].scopes=actuator:read",
        "trackgeek.api.security.keys[3].name=hasty",
        "trackgeek.api.security.keys[3].hash={sha256}e7a6537aea8c372673f8b07333aecf857f703c3fdd52f791c1232e5c453321f7",
        "trackgeek.api.security.keys[3].scopes=bulk-syncs:write",
        "trackgeek.api.security.keys[3].writes=1",
        "trackgeek.api.security.keys[4].name=similar-operator",
        "trackgeek.api.security.keys[4].hash={sha256}61b016abe3b4321b7ad793fd133120e1f7c532bbebaa32fe0c899e4063833d35",
        "trackgeek.api.security.keys[4].scopes=similar:write",
        // The similar-titles index catches up with vectors stored without an event within seconds, not 30 s.
        "trackgeek.similar.catch-up-interval=2s",
        // The other keys write as often as the tests need.
        "trackgeek.api.security.write-limit.requests=100000",
        // Every test reads missing items from 127.0.0.1 without a key: the quota is checked but never reached here
        // (QuotaTest shows it on instances of its own).
        "trackgeek.api.quota.anonymous=1000000", "trackgeek.api.quota.keyed=1000000",
        // Exposed with their values, to show that the keys' hashes stay masked even then.
        "management.endpoints.web.exposure.include=health,info,prometheus,env,configprops",
        "management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always"},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiIntegrationTest {

    /**
     * The API keys configured above: may start bulk syncs, refresh items, read the actuator, start one bulk sync a
     * minute, pin the model of similar titles.
     */
    protected static final String BULK_KEY = "test-bulk-key-5f0c3a9e71d24b8e";
    protected static final String REFRESH_KEY = "test-refresh-key-a83d1e07c6b94f25";
    protected static final String OPERATOR_KEY = "test-operator-key-2b7e9d40f1c35a68";
    protected static final String HASTY_KEY = "test-hasty-key-9c0d2e4f6a8b1c3d";
    protected static final String SIMILAR_KEY = "test-similar-key-7d1e5b3a9c4f2e60";

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
        awaitSyncEventsFlowing(kafka, meters);
        syncEventsFlowing = true;
    }

    /** Until the instance whose meters these are demonstrably receives sync events (see above). */
    static void awaitSyncEventsFlowing(KafkaTemplate<Object, Object> kafka, MeterRegistry meters) {
        MediaKey probe = MediaKey.of(MediaType.ANIME, 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            double before = eventsReceived(meters);
            kafka.send(Topics.SYNC_EVENTS, probe.toString(), ItemSynced.of(UUID.randomUUID(), probe, Instant.now()))
                    .get();
            Thread.sleep(300);
            return eventsReceived(meters) > before;
        });
    }

    private static double eventsReceived(MeterRegistry meters) {
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

    /** A problem detail (RFC 9457) with this status and code. */
    protected void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asString()).isEqualTo(code);
    }
}
