package com.trackgeek.standalone;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each provider as the standalone run wires it: the live service when its base URL is set in the environment
 * ({@code TRACKGEEK_PROVIDERS_TMDB_BASE_URL=https://api.themoviedb.org/3}, with its real credentials in the
 * environment too), else the provider simulator with demonstration credentials the simulator accepts.
 *
 * <p>A live provider gets no setting from the launcher: the worker reads its base URL and credentials from
 * the environment itself, and a launcher argument would outrank them.
 */
enum StandaloneProvider {
    JIKAN("/jikan/v4", Map.of()),
    TMDB("/tmdb/3", Map.of("api-key", "standalone-demo-tmdb-key")),
    IGDB("/igdb/v4", Map.of("client-id", "standalone-demo-client", "client-secret", "standalone-demo-secret")),
    HARDCOVER("/hardcover/v1/graphql", Map.of("token", "standalone-demo-hardcover-token"));

    private final String simulatorPath;
    private final Map<String, String> demoCredentials;

    StandaloneProvider(String simulatorPath, Map<String, String> demoCredentials) {
        this.simulatorPath = simulatorPath;
        this.demoCredentials = demoCredentials;
    }

    /** {@code TRACKGEEK_PROVIDERS_TMDB_BASE_URL}: set, it points the worker at a live provider. */
    String baseUrlVariable() {
        return "TRACKGEEK_PROVIDERS_" + name() + "_BASE_URL";
    }

    /** The sync-worker settings that point this provider at the simulator listening on {@code simulatorUrl}. */
    Map<String, Object> simulatedSettings(String simulatorUrl) {
        String prefix = "trackgeek.providers." + name().toLowerCase() + ".";
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(prefix + "base-url", simulatorUrl + simulatorPath);
        demoCredentials.forEach((name, value) -> settings.put(prefix + name, value));
        if (this == IGDB) {
            // Twitch's token endpoint is a provider of its own for the URL, one of IGDB's settings for the worker.
            settings.put(prefix + "token-url", simulatorUrl + "/twitch/oauth2/token");
        }
        return settings;
    }

    String simulatedBaseUrl(String simulatorUrl) {
        return simulatorUrl + simulatorPath;
    }
}
