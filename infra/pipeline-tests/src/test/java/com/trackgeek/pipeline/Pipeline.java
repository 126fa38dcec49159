package com.trackgeek.pipeline;

import com.trackgeek.api.ApiApplication;
import com.trackgeek.embedding.EmbeddingWorkerApplication;
import com.trackgeek.embedding.model.TextEmbeddingModel;
import com.trackgeek.servicekit.TrackGeekApplications;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.sync.SyncWorkerApplication;
import com.trackgeek.testsupport.SharedInfrastructure;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three services started as they run in production, each its own Spring application on its own port,
 * sharing one Kafka broker and one PostgreSQL, talking to the provider simulator (the one fake of every
 * provider, the same the standalone run uses). One per test JVM.
 *
 * <p>Jikan's limits are scaled on both sides (40/s and 400/10s instead of 3/s and 60/min) so the rate-limit
 * test runs in seconds; the limiter treats them exactly as it treats the real ones, and the simulator
 * answers 429 to anything over them, as Jikan would.
 */
final class Pipeline {

    static final int LIMIT_PER_SECOND = 40;
    static final int LIMIT_PER_TEN_SECONDS = 400;
    static final String JIKAN_PATH = "/jikan/v4";

    /**
     * The credentials the sync-worker is given, distinctive so a test can search every log line and actuator
     * answer for them. The simulator accepts any non-empty credential, as a fake should.
     */
    static final Map<String, String> SECRETS = Map.of(
            "trackgeek.providers.tmdb.api-key", "pipeline-secret-tmdb-key-7f3a9c",
            "trackgeek.providers.igdb.client-id", "pipeline-secret-twitch-client-2a6d8f",
            "trackgeek.providers.igdb.client-secret", "pipeline-secret-igdb-secret-91c2e4",
            "trackgeek.providers.hardcover.token", "pipeline-secret-hardcover-token-5d0e8b");

    /** An API key that may refresh items ({@code items:refresh}); {@link #API_SETTINGS} holds its hash. */
    static final String REFRESH_KEY = "pipeline-refresh-key-3c9e1f7a";
    /**
     * The key, and quotas the tests never reach: they read hundreds of items not stored yet from one address
     * without a key (the api's own tests show the quota).
     */
    private static final Map<String, Object> API_SETTINGS = Map.of(
            "trackgeek.api.security.keys[0].name", "pipeline-refresher",
            "trackgeek.api.security.keys[0].hash", "{sha256}" + sha256Hex(REFRESH_KEY),
            "trackgeek.api.security.keys[0].scopes", "items:refresh",
            "trackgeek.api.quota.anonymous", 1_000_000,
            "trackgeek.api.quota.keyed", 1_000_000);

    // Before anything else: the console of every service is recorded from the first line.
    final ConsoleRecording console = ConsoleRecording.start(Path.of("target", "pipeline-console.log"));

    /**
     * Queue metrics sampled every 2 s instead of every 15 s, so that a test's Prometheus sees them soon; the
     * same for every service of the pipeline.
     */
    private static final Map<String, Object> FAST_METRICS = Map.of(
            "trackgeek.metrics.consumer-lag-interval", "2s",
            "trackgeek.sync.queue-health.interval", "2s");
    private static final Pipeline INSTANCE = new Pipeline();

    final EmbeddedSimulator providers = EmbeddedSimulator.start(Map.of(
            "simulator.jikan.rate-limit.per-second", LIMIT_PER_SECOND,
            "simulator.jikan.rate-limit.per-minute", LIMIT_PER_TEN_SECONDS * 6));
    private final ConfigurableApplicationContext api;
    private final ConfigurableApplicationContext embeddingWorker;
    private ConfigurableApplicationContext syncWorker;

    private Pipeline() {
        syncWorker = startSyncWorker();
        embeddingWorker = start(EmbeddingWorkerApplication.class, "embedding-worker", Map.of());
        api = startApi();
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "pipeline-shutdown"));
    }

    static Pipeline get() {
        return INSTANCE;
    }

    String apiUrl() {
        return "http://localhost:" + port(api);
    }

    /** A second API instance, sharing the database and Kafka with the first; the caller closes it. */
    ConfigurableApplicationContext startApi() {
        return startApi(Map.of());
    }

    /** A second API instance with {@code overrides} on top of its usual settings; the caller closes it. */
    ConfigurableApplicationContext startApi(Map<String, Object> overrides) {
        Map<String, Object> settings = new LinkedHashMap<>(API_SETTINGS);
        settings.putAll(overrides);
        return start(ApiApplication.class, "api", settings);
    }

    /**
     * Another embedding worker beside the running one, with {@code overrides} on top of its usual settings: with
     * its own model and consumer group it embeds every requested item again, under its own model name. The
     * caller closes it.
     */
    ConfigurableApplicationContext startEmbeddingWorker(Map<String, Object> overrides) {
        return start(EmbeddingWorkerApplication.class, "embedding-worker", overrides);
    }

    /** The name of the model the pipeline's own embedding worker embeds with: the configured default. */
    String embeddingModel() {
        return embeddingWorker.getBean(TextEmbeddingModel.class).name();
    }

    /** How many requests for {@code path} (a regex below Jikan's base path, e.g. {@code /anime/5114/full}) reached Jikan. */
    int jikanCalls(String path) {
        return providers.requests().count(JIKAN_PATH + path);
    }

    static String urlOf(ConfigurableApplicationContext api) {
        return "http://localhost:" + port(api);
    }

    synchronized void stopSyncWorker() {
        syncWorker.close();
    }

    synchronized void restartSyncWorker() {
        syncWorker = startSyncWorker();
    }

    /** Replaces the running sync-worker by one with {@code overrides} on top of its usual settings. */
    synchronized void restartSyncWorkerWith(Map<String, Object> overrides) {
        syncWorker.close();
        syncWorker = startSyncWorker(overrides);
    }

    /**
     * Another sync-worker replica beside the running one, with its usual settings and {@code overrides}: same
     * Kafka consumer group, same database (so the same provider budgets). The caller closes it.
     */
    ConfigurableApplicationContext startAnotherSyncWorker(Map<String, Object> overrides) {
        return startSyncWorker(overrides);
    }

    ConfigurableApplicationContext syncWorker() {
        return syncWorker;
    }

    /**
     * Holds the sync worker's bulk lane (its listener container, through Spring Kafka's registry) so that a test
     * can look at what bulk work leaves behind before it is done; {@link #resumeBulkLane()} lets it go on.
     */
    synchronized void pauseBulkLane() {
        bulkLane().pause();
    }

    synchronized void resumeBulkLane() {
        bulkLane().resume();
    }

    private MessageListenerContainer bulkLane() {
        return syncWorker.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("sync-requests-bulk");
    }

    String syncWorkerUrl() {
        return urlOf(syncWorker);
    }

    String embeddingWorkerUrl() {
        return urlOf(embeddingWorker);
    }

    private ConfigurableApplicationContext startSyncWorker() {
        return startSyncWorker(Map.of());
    }

    private ConfigurableApplicationContext startSyncWorker(Map<String, Object> overrides) {
        return TrackGeekApplications.run(SyncWorkerApplication.class, SyncWorkerApplication.CONFIG_NAME, syncWorkerSettings(overrides));
    }

    /**
     * Everything a sync worker of this pipeline is started with: the shared Kafka and PostgreSQL, the simulator's
     * base URLs and credentials, scaled limits and short back-offs, with {@code overrides} on top. The in-process
     * workers and a {@link ChildSyncWorker} (a worker in a JVM of its own) are configured alike.
     */
    Map<String, Object> syncWorkerSettings(Map<String, Object> overrides) {
        Map<String, Object> workerSettings = new LinkedHashMap<>(SharedInfrastructure.springProperties());
        workerSettings.put("server.port", 0);
        workerSettings.put("trackgeek.providers.jikan.base-url", providers.jikanBaseUrl());
        workerSettings.put("trackgeek.providers.jikan.read-timeout", "1s");
        workerSettings.put("trackgeek.providers.jikan.retry.initial-backoff", "50ms");
        workerSettings.put("trackgeek.providers.jikan.retry.max-backoff", "500ms");
        // Failures of one test must not open the circuit for the next one's "provider recovered" request.
        workerSettings.put("trackgeek.providers.jikan.circuit-breaker.minimum-calls", 10_000);
        workerSettings.put("trackgeek.providers.jikan.limits[0].requests", LIMIT_PER_SECOND);
        workerSettings.put("trackgeek.providers.jikan.limits[0].per", "1s");
        workerSettings.put("trackgeek.providers.jikan.limits[1].requests", LIMIT_PER_TEN_SECONDS);
        workerSettings.put("trackgeek.providers.jikan.limits[1].per", "10s");
        workerSettings.put("trackgeek.providers.jikan.limits[1].burst", 1);
        workerSettings.put("trackgeek.providers.tmdb.base-url", providers.tmdbBaseUrl());
        workerSettings.put("trackgeek.providers.igdb.base-url", providers.igdbBaseUrl());
        workerSettings.put("trackgeek.providers.igdb.token-url", providers.twitchTokenUrl());
        workerSettings.put("trackgeek.providers.hardcover.base-url", providers.hardcoverGraphqlUrl());
        workerSettings.putAll(SECRETS);
        workerSettings.putAll(FAST_METRICS);
        for (String provider : new String[]{"tmdb", "igdb", "hardcover"}) {
            workerSettings.put("trackgeek.providers." + provider + ".retry.initial-backoff", "50ms");
            workerSettings.put("trackgeek.providers." + provider + ".retry.max-backoff", "500ms");
        }
        workerSettings.putAll(overrides);
        return workerSettings;
    }

    private static ConfigurableApplicationContext start(Class<?> application, String configName, Map<String, Object> own) {
        Map<String, Object> properties = new LinkedHashMap<>(SharedInfrastructure.springProperties());
        properties.put("server.port", 0);
        properties.putAll(FAST_METRICS);
        properties.putAll(own);
        return TrackGeekApplications.run(application, configName, properties);
    }

    static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private void closeAll() {
        api.close();
        embeddingWorker.close();
        syncWorker.close();
        providers.close();
    }
}
