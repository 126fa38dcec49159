package com.trackgeek.sync;

import com.trackgeek.simulator.EmbeddedSimulator;

import java.util.Map;

/**
 * The one provider simulator of this test JVM (the same fake the pipeline tests and the standalone run use),
 * started on first use and stopped when the JVM exits. Its rate limit is far above what the tests send, so
 * only the worker's own limiter shapes the traffic; tests stay independent by using their own item ids.
 */
public final class SharedSimulator {

    /** The Twitch application the simulated Twitch accepts, and the worker's tests use. */
    public static final String IGDB_CLIENT_ID = "trackgeek-test-client";
    public static final String IGDB_CLIENT_SECRET = "trackgeek-test-secret";

    private SharedSimulator() {
    }

    /** The only v3 key the simulated TMDB accepts; the worker's tests are configured with it. */
    public static final String TMDB_API_KEY = "test-tmdb-key-0123456789abcdef";
    /** The one token the simulated Hardcover accepts (bare; the worker is configured with its "Bearer " form). */
    public static final String HARDCOVER_TOKEN = "trackgeek-test-token";

    public static EmbeddedSimulator simulator() {
        return Holder.SIMULATOR;
    }

    /** A path regex of the simulated Jikan: {@code jikanPath("anime/910001/.*")}. */
    public static String jikanPath(String pathRegex) {
        return "/jikan/v4/" + pathRegex;
    }

    /** A path regex of the simulated TMDB: {@code tmdbPath("tv/910001")}. */
    public static String tmdbPath(String pathRegex) {
        return "/tmdb/3/" + pathRegex;
    }

    // Initialization-on-demand: started once, on first use, by whichever test thread comes first.
    private static final class Holder {
        static final EmbeddedSimulator SIMULATOR = EmbeddedSimulator.start(Map.of(
                "simulator.jikan.rate-limit.per-second", 100,
                "simulator.jikan.rate-limit.per-minute", 0,
                "simulator.tmdb.rate-limit.per-second", 1000,
                "simulator.tmdb.api-key", TMDB_API_KEY,
                "simulator.hardcover.per-minute", 0,
                "simulator.hardcover.token", HARDCOVER_TOKEN,
                "simulator.igdb.per-second", 0,
                "simulator.twitch.client-id", IGDB_CLIENT_ID,
                "simulator.twitch.client-secret", IGDB_CLIENT_SECRET));

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(SIMULATOR::close, "shared-simulator-shutdown"));
        }
    }
}
