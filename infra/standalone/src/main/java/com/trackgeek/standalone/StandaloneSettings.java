package com.trackgeek.standalone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where everything listens and keeps its data, from environment variables with defaults that suit one
 * developer machine. A service property can also be set directly by its environment variable (Spring's
 * relaxed binding). A provider's base URL in the environment, e.g.
 * {@code TRACKGEEK_PROVIDERS_JIKAN_BASE_URL=https://api.jikan.moe/v4}, points the run at that live provider
 * instead of the simulator ({@link StandaloneProvider}).
 *
 * <p>{@code TRACKGEEK_SYNC_WORKER_REPLICAS} [1] runs that many sync workers, as a deployment runs replicas: one
 * Kafka consumer group, one PostgreSQL, so one provider budget ({@code provider_budget}) for all of them. That is
 * how a bulk sync's throughput across replicas, or a replica killed in the middle of one, is tried on one machine.
 */
record StandaloneSettings(Path dataDirectory, Path fixturesDirectory, int apiPort, int syncWorkerPort,
                          int syncWorkerReplicas, int embeddingWorkerPort, int simulatorPort, int postgresPort,
                          int kafkaPort, Map<StandaloneProvider, String> liveBaseUrls) {

    /**
     * More replicas would only split the same budget thinner on one machine; a typo (80) fails instead of starting
     * eighty Spring applications in one JVM.
     */
    static final int MAX_SYNC_WORKER_REPLICAS = 8;

    StandaloneSettings {
        if (syncWorkerReplicas < 1 || syncWorkerReplicas > MAX_SYNC_WORKER_REPLICAS) {
            throw new IllegalArgumentException("TRACKGEEK_SYNC_WORKER_REPLICAS must be between 1 and "
                    + MAX_SYNC_WORKER_REPLICAS + ", was " + syncWorkerReplicas);
        }
    }

    static StandaloneSettings fromEnvironment(Map<String, String> env) {
        return new StandaloneSettings(
                Path.of(env.getOrDefault("TRACKGEEK_DATA_DIR", ".trackgeek")),
                Path.of(env.getOrDefault("TRACKGEEK_FIXTURES", env.getOrDefault("TRACKGEEK_FIXTURES_DEFAULT", "../shared/fixtures"))),
                port(env, "TRACKGEEK_API_PORT", 8080),
                port(env, "TRACKGEEK_SYNC_WORKER_PORT", 8081),
                replicas(env),
                port(env, "TRACKGEEK_EMBEDDING_WORKER_PORT", 8082),
                port(env, "TRACKGEEK_SIMULATOR_PORT", 8090),
                port(env, "TRACKGEEK_POSTGRES_PORT", 5433),
                port(env, "TRACKGEEK_KAFKA_PORT", 9092),
                liveBaseUrls(env));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (0-65535), was '" + value + "'");
        }
    }

    private static int replicas(Map<String, String> env) {
        String value = env.get("TRACKGEEK_SYNC_WORKER_REPLICAS");
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TRACKGEEK_SYNC_WORKER_REPLICAS must be a whole number, was '" + value + "'");
        }
    }

    /**
     * The port of each sync-worker replica: the first on {@code TRACKGEEK_SYNC_WORKER_PORT}, the next ones on the
     * ports after it, skipping any port another service of the run is set to (the default 8081 is followed by
     * the embedding worker's 8082, so a second replica gets 8083). Port 0 gives every replica a free port.
     */
    List<Integer> syncWorkerPorts() {
        if (syncWorkerPort == 0) {
            return Collections.nCopies(syncWorkerReplicas, 0);
        }
        List<Integer> ports = new ArrayList<>();
        Set<Integer> taken = new HashSet<>(List.of(apiPort, embeddingWorkerPort, simulatorPort, postgresPort, kafkaPort));
        int port = syncWorkerPort;
        while (ports.size() < syncWorkerReplicas) {
            if (port > 65535) {
                throw new IllegalArgumentException("TRACKGEEK_SYNC_WORKER_REPLICAS=" + syncWorkerReplicas
                        + " replicas from TRACKGEEK_SYNC_WORKER_PORT=" + syncWorkerPort + " run past port 65535");
            }
            if (ports.isEmpty() || !taken.contains(port)) {
                ports.add(port);
            }
            port++;
        }
        return List.copyOf(ports);
    }

    private static Map<StandaloneProvider, String> liveBaseUrls(Map<String, String> env) {
        Map<StandaloneProvider, String> live = new EnumMap<>(StandaloneProvider.class);
        for (StandaloneProvider provider : StandaloneProvider.values()) {
            String url = env.get(provider.baseUrlVariable());
            if (url != null && !url.isBlank()) {
                live.put(provider, url.trim());
            }
        }
        return Map.copyOf(live);
    }

    /** The live base URL of {@code provider}, or empty when the simulator stands in for it. */
    Optional<String> liveBaseUrl(StandaloneProvider provider) {
        return Optional.ofNullable(liveBaseUrls.get(provider));
    }

    /** Whether any provider is simulated, so the simulator must run. */
    boolean usesSimulator() {
        return liveBaseUrls.size() < StandaloneProvider.values().length;
    }
}
