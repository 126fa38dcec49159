package com.trackgeek.faults;

import com.trackgeek.api.ApiApplication;
import com.trackgeek.embedding.EmbeddingWorkerApplication;
import com.trackgeek.localstack.EmbeddedPostgresServer;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.standalone.SimulatedProviders;
import com.trackgeek.sync.SyncWorkerApplication;
import com.trackgeek.testsupport.ChildJvm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The pipeline as it is deployed, every part a process of its own: PostgreSQL (a server process on a data folder of
 * its own), Kafka (a JVM of its own, {@link KafkaNode}, on a log folder of its own), the api, two sync-worker
 * replicas and the embedding worker (each a {@link ServiceProcess}), and the provider simulator in this JVM (the one
 * fake of every provider, so a scenario can script its faults and read what it served). One per test JVM, started on
 * first use; scenarios leave it running and healthy for the next one.
 */
final class FaultStack {

    static final String API_KEY = "fault-suite-key-8d41c7e2";
    /**
     * What one sync-worker replica can have in hand when a fault strikes (a fetch done but its store or its event cut
     * off comes again): 3 bulk-work consumers with 5 movies each (max-poll-records) and 3 interactive requests.
     */
    static final int IN_HAND_PER_SYNC_WORKER = 3 * 5 + 3;
    private static final int PARTITIONS = 3;

    private static FaultStack instance;

    private final Path data;
    private final int postgresPort = ChildJvm.freePort();
    private final int kafkaPort = ChildJvm.freePort();
    private EmbeddedPostgresServer postgres;
    private ChildJvm kafka;
    final EmbeddedSimulator providers;
    final ServiceProcess api;
    final List<ServiceProcess> syncWorkers;
    final ServiceProcess embeddingWorker;

    private FaultStack() {
        try {
            data = Files.createTempDirectory("fault-suite-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startPostgres();
        startKafka();
        // The suite is about delivery under faults, not about the budget (pipeline-tests prove that): TMDB here allows
        // 200 requests a second and the workers take 150, so a 2,000-movie job is bound by the machine, not by TMDB's
        // 40 a second, and a scenario takes about a minute instead of three.
        providers = EmbeddedSimulator.start(Map.of("simulator.tmdb.rate-limit.per-second", 200));
        Map<String, Object> shared = sharedSettings();
        Map<String, Object> workers = new LinkedHashMap<>(shared);
        workers.putAll(SimulatedProviders.settings(providers.baseUrl()));
        // A person's fetch should not wait for the whole back-off ladder of an earlier test's fault.
        for (String provider : List.of("jikan", "tmdb", "igdb", "hardcover")) {
            workers.put("trackgeek.providers." + provider + ".retry.initial-backoff", "100ms");
            workers.put("trackgeek.providers." + provider + ".retry.max-backoff", "1s");
        }
        workers.put("trackgeek.providers.tmdb.limits[0].requests", 150);
        workers.put("trackgeek.providers.tmdb.limits[0].per", "1s");
        workers.put("trackgeek.providers.tmdb.limits[0].burst", 15);
        syncWorkers = List.of(ServiceProcess.start("sync-worker-1", SyncWorkerApplication.class, workers),
                ServiceProcess.start("sync-worker-2", SyncWorkerApplication.class, workers));
        Map<String, Object> embedding = new LinkedHashMap<>(shared);
        // The smaller of the two in-process models (6 layers to bge's 12): the same code paths at half the CPU, which
        // six JVMs on two cores need more than the similar-titles quality bge buys.
        embedding.put("trackgeek.embedding.model.provider", "all-minilm-l6-v2-q");
        embeddingWorker = ServiceProcess.start("embedding-worker", EmbeddingWorkerApplication.class, embedding);
        Map<String, Object> apiSettings = new LinkedHashMap<>(shared);
        apiSettings.put("trackgeek.api.security.keys[0].name", "fault-suite");
        apiSettings.put("trackgeek.api.security.keys[0].hash", "{sha256}" + Sha256.hex(API_KEY));
        apiSettings.put("trackgeek.api.security.keys[0].scopes", "bulk-syncs:write,items:refresh");
        // The load stands for many people, but reaches the api from one address: no client quota for it.
        apiSettings.put("trackgeek.api.quota.anonymous", 1_000_000);
        apiSettings.put("trackgeek.api.quota.keyed", 1_000_000);
        api = ServiceProcess.start("api", ApiApplication.class, apiSettings);
        Stream.concat(Stream.of(api, embeddingWorker), syncWorkers.stream()).forEach(service -> service.awaitHealthy(Duration.ofMinutes(4)));
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "fault-stack-shutdown"));
    }

    static synchronized FaultStack get() {
        if (instance == null) {
            instance = new FaultStack();
        }
        return instance;
    }

    private Map<String, Object> sharedSettings() {
        Map<String, Object> shared = new LinkedHashMap<>();
        shared.put("spring.datasource.url", postgres.jdbcUrl());
        shared.put("spring.datasource.username", postgres.username());
        shared.put("spring.datasource.password", postgres.password());
        shared.put("spring.kafka.bootstrap-servers", "localhost:" + kafkaPort);
        shared.put("trackgeek.kafka.partitions", PARTITIONS);
        // A killed replica's consumers leave the group after 10 s instead of Kafka's 45 s, as in the standalone run.
        shared.put("spring.kafka.consumer.properties.session.timeout.ms", 10_000);
        return shared;
    }

    /** Waits until every service answers its health check again (a scenario leaves the stack whole for the next). */
    void awaitWhole() {
        Stream.concat(Stream.of(api, embeddingWorker), syncWorkers.stream()).forEach(service -> {
            if (!service.isAlive()) {
                service.restart();
            }
            service.awaitHealthy(Duration.ofMinutes(4));
        });
    }

    /** Stops Kafka (SIGTERM: a broker's orderly restart), keeps it down for {@code down}, starts it again on the same port and data. */
    void restartKafka(Duration down) {
        kafka.close();
        await().pollDelay(down).atMost(down.plusSeconds(1)).until(() -> true);
        startKafka();
    }

    /**
     * Stops PostgreSQL (a fast shutdown: open connections are cut), keeps it down for {@code down}, starts it again
     * on the same port and data.
     */
    void restartPostgres(Duration down) {
        postgres.close();
        await().pollDelay(down).atMost(down.plusSeconds(1)).until(() -> true);
        startPostgres();
    }

    JdbcClient database() {
        return JdbcClient.create(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password()));
    }

    String apiUrl() {
        return api.url();
    }

    String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    private void startPostgres() {
        postgres = EmbeddedPostgresServer.start(postgresPort, data.resolve("postgres"), "trackgeek");
    }

    private void startKafka() {
        kafka = ChildJvm.start(Path.of("target", "fault-suite", "kafka.log"), List.of("-XX:+UseSerialGC", "-Xmx768m"),
                KafkaNode.class.getName(), List.of(Integer.toString(kafkaPort), data.resolve("kafka").toString(), Integer.toString(PARTITIONS)));
        await("Kafka in " + kafka.logFile() + " is ready").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .failFast("Kafka's JVM exited; see " + kafka.logFile(), () -> !kafka.isAlive())
                .until(() -> kafka.log().contains(KafkaNode.READY));
    }

    /**
     * The services stop together (each is given SIGTERM at once, so their graceful shutdowns overlap and end well
     * within the 30 s surefire grants a finished test JVM), then Kafka and PostgreSQL, then their data goes.
     */
    private synchronized void close() {
        List<Thread> stopping = Stream.concat(Stream.of(api, embeddingWorker), syncWorkers.stream())
                .map(service -> Thread.ofVirtual().start(service::close)).toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        providers.close();
        kafka.close();
        postgres.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Left in the temporary folder.
        }
    }
}
