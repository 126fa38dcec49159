package com.trackgeek.standalone;

import com.trackgeek.api.ApiApplication;
import com.trackgeek.embedding.EmbeddingWorkerApplication;
import com.trackgeek.localstack.EmbeddedPostgresServer;
import com.trackgeek.localstack.PersistentKafkaServer;
import com.trackgeek.servicekit.TrackGeekApplications;
import com.trackgeek.simulator.ProviderSimulatorApplication;
import com.trackgeek.sync.SyncWorkerApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline in one JVM: PostgreSQL (data kept in {@code .trackgeek/postgres}), a Kafka broker on a
 * fixed port (data kept in {@code .trackgeek/kafka}, so nothing accepted is lost across a restart), the
 * provider simulator (for every provider not pointed at its live service), and api, sync-worker and embedding-worker, each
 * its own Spring application with its own port and configuration, exactly as when deployed apart. The sync worker
 * may run as several replicas ({@link StandaloneSettings#syncWorkerPorts()}), each its own application on the same
 * Kafka consumer group and the same database, as replicas are deployed.
 * Ctrl-C stops everything in reverse order.
 */
public final class StandaloneLauncher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandaloneLauncher.class);

    /**
     * One console for five applications: the in-process broker's and clients' INFO lines would drown the
     * services' own. Logback is shared by the JVM, so a per-application name tag would be wrong; thread
     * names tell the services apart.
     */
    private static final Map<String, Object> QUIET_LOGGING = Map.of(
            "logging.level.org.apache.kafka", "WARN",
            "logging.level.kafka", "WARN",
            "logging.level.org.springframework.kafka", "WARN",
            "logging.level.state.change.logger", "WARN",
            "logging.include-application-name", "false");

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final StandaloneSettings settings;
    private final Map<String, String> environment;
    private final List<ConfigurableApplicationContext> syncWorkers = new ArrayList<>();
    private int apiPort;

    StandaloneLauncher(StandaloneSettings settings) {
        this(settings, System.getenv());
    }

    StandaloneLauncher(StandaloneSettings settings, Map<String, String> environment) {
        this.settings = settings;
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        quietLoggingUntilSpringTakesOver();
        var launcher = new StandaloneLauncher(StandaloneSettings.fromEnvironment(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "standalone-shutdown"));
        try {
            launcher.start();
        } catch (RuntimeException e) {
            log.error("Could not start the pipeline: {}", e.getMessage(), e);
            System.exit(1);
        }
    }

    void start() {
        long started = System.nanoTime();
        var postgres = EmbeddedPostgresServer.start(settings.postgresPort(), settings.dataDirectory().resolve("postgres"), "trackgeek");
        running.push(postgres);
        var kafka = PersistentKafkaServer.start(settings.kafkaPort(), settings.dataDirectory().resolve("kafka"), 3);
        running.push(kafka);

        Map<String, Object> providerSettings = new LinkedHashMap<>();
        Map<StandaloneProvider, String> providerUrls = new EnumMap<>(StandaloneProvider.class);
        if (settings.usesSimulator()) {
            var simulator = ProviderSimulatorApplication.start(
                    "--server.port=" + settings.simulatorPort(),
                    "--simulator.fixtures-dir=" + settings.fixturesDirectory().toAbsolutePath(),
                    "--logging.include-application-name=false");
            running.push(simulator);
            String simulatorUrl = "http://localhost:" + port(simulator);
            for (StandaloneProvider provider : StandaloneProvider.values()) {
                if (settings.liveBaseUrl(provider).isEmpty()) {
                    providerSettings.putAll(provider.simulatedSettings(simulatorUrl));
                    providerUrls.put(provider, provider.simulatedBaseUrl(simulatorUrl) + " (provider simulator)");
                }
            }
        }
        for (StandaloneProvider provider : StandaloneProvider.values()) {
            settings.liveBaseUrl(provider).ifPresent(url -> providerUrls.put(provider, url + " (live)"));
        }

        Map<String, Object> shared = new LinkedHashMap<>(QUIET_LOGGING);
        shared.put("spring.datasource.url", postgres.jdbcUrl());
        shared.put("spring.datasource.username", postgres.username());
        shared.put("spring.datasource.password", postgres.password());
        shared.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        shared.put("trackgeek.kafka.partitions", 3);
        // After a kill -9 the broker still counts the dead run's consumers as group members until their session
        // times out; the restarted services get their partitions only then. 10 s instead of Kafka's 45 s.
        shared.put("spring.kafka.consumer.properties.session.timeout.ms", 10_000);

        for (int port : settings.syncWorkerPorts()) {
            syncWorkers.add(service(SyncWorkerApplication.class, SyncWorkerApplication.CONFIG_NAME, port, shared, providerSettings));
        }
        var embeddingWorker = service(EmbeddingWorkerApplication.class, "embedding-worker", settings.embeddingWorkerPort(), shared, Map.of());
        var demoKey = DemoApiKey.settings(environment);
        var api = service(ApiApplication.class, "api", settings.apiPort(), shared, demoKey.orElse(Map.of()));
        String writeKey = demoKey.isPresent()
                ? "X-API-Key: " + DemoApiKey.KEY + " (demo key, scopes " + DemoApiKey.SCOPES + ")"
                : "the keys of TRACKGEEK_API_SECURITY_KEYS_*";
        apiPort = port(api);

        log.info("""

                ==================================================================
                 TrackGeek Sync is running ({} s). Ctrl-C stops everything.
                   API               http://localhost:{}/api/v1/anime/5114
                   API health        http://localhost:{}/actuator/health
                   API writes        {}
                   bulk syncs        http://localhost:{}/api/v1/bulk-syncs
                {}
                   embedding-worker  http://localhost:{}/actuator/prometheus
                   Jikan             {}
                   TMDB              {}
                   IGDB              {}
                   Hardcover         {}
                   Kafka             {} (data in {})
                   PostgreSQL        {} (data in {})
                ==================================================================""",
                (System.nanoTime() - started) / 1_000_000_000, apiPort, apiPort, writeKey, apiPort, syncWorkerLines(), port(embeddingWorker),
                providerUrls.get(StandaloneProvider.JIKAN), providerUrls.get(StandaloneProvider.TMDB),
                providerUrls.get(StandaloneProvider.IGDB), providerUrls.get(StandaloneProvider.HARDCOVER),
                kafka.bootstrapServers(), settings.dataDirectory().resolve("kafka").toAbsolutePath(), postgres.jdbcUrl(), settings.dataDirectory().resolve("postgres").toAbsolutePath());
    }

    /** Kafka and PostgreSQL start before any Spring application has configured Logback (default: DEBUG). */
    private static void quietLoggingUntilSpringTakesOver() {
        var context = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.INFO);
        QUIET_LOGGING.keySet().stream()
                .filter(name -> name.startsWith("logging.level."))
                .forEach(name -> context.getLogger(name.substring("logging.level.".length())).setLevel(ch.qos.logback.classic.Level.WARN));
    }

    /** One banner line per replica: "sync-worker" alone, or "sync-worker 1", "sync-worker 2", ... */
    private String syncWorkerLines() {
        List<String> lines = new ArrayList<>();
        for (int replica = 0; replica < syncWorkers.size(); replica++) {
            String name = syncWorkers.size() == 1 ? "sync-worker" : "sync-worker " + (replica + 1);
            lines.add("   %-17s http://localhost:%d/actuator/prometheus".formatted(name, port(syncWorkers.get(replica))));
        }
        return String.join("\n", lines);
    }

    int apiPort() {
        return apiPort;
    }

    /** The running sync-worker replicas, first to last. */
    List<ConfigurableApplicationContext> syncWorkers() {
        return List.copyOf(syncWorkers);
    }

    private ConfigurableApplicationContext service(Class<?> application, String configName, int port,
                                                   Map<String, Object> shared, Map<String, Object> own) {
        Map<String, Object> properties = new LinkedHashMap<>(shared);
        properties.putAll(own);
        properties.put("server.port", port);
        var context = TrackGeekApplications.run(application, configName, properties);
        running.push(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                log.warn("While stopping: {}", e.getMessage());
            }
        }
    }
}
