package com.trackgeek.standalone;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where everything listens and keeps its data, from environment variables with defaults that suit one
 * developer machine. A service property can also be set directly by its environment variable (Spring's
 * relaxed binding). A provider's base URL in the environment, e.g.
 * {@code TRACKGEEK_PROVIDERS_JIKAN_BASE_URL=https://api.jikan.moe/v4}, points the run at that live provider
 * instead of the simulator ({@link StandaloneProvider}).
 */
record StandaloneSettings(Path dataDirectory, Path fixturesDirectory, int apiPort, int syncWorkerPort,
                          int embeddingWorkerPort, int simulatorPort, int postgresPort, int kafkaPort,
                          Map<StandaloneProvider, String> liveBaseUrls) {

    static StandaloneSettings fromEnvironment(Map<String, String> env) {
        return new StandaloneSettings(
                Path.of(env.getOrDefault("TRACKGEEK_DATA_DIR", ".trackgeek")),
                Path.of(env.getOrDefault("TRACKGEEK_FIXTURES", env.getOrDefault("TRACKGEEK_FIXTURES_DEFAULT", "../shared/fixtures"))),
                port(env, "TRACKGEEK_API_PORT", 8080),
                port(env, "TRACKGEEK_SYNC_WORKER_PORT", 8081),
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
