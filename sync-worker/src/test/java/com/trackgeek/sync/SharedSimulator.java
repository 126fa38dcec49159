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

    public static EmbeddedSimulator simulator() {
        return Holder.SIMULATOR;
    }

    /** A path regex of the simulated Jikan: {@code jikanPath("anime/910001/.*")}. */
    public static String jikanPath(String pathRegex) {
        return "/jikan/v4/" + pathRegex;
    }

    // Initialization-on-demand: started once, on first use, by whichever test thread comes first.
    private static final class Holder {
        static final EmbeddedSimulator SIMULATOR = EmbeddedSimulator.start(Map.of(
                "simulator.jikan.rate-limit.per-second", 100,
                "simulator.jikan.rate-limit.per-minute", 0,
                "simulator.igdb.per-second", 0,
                "simulator.twitch.client-id", IGDB_CLIENT_ID,
                "simulator.twitch.client-secret", IGDB_CLIENT_SECRET));

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(SIMULATOR::close, "shared-simulator-shutdown"));
        }
    }
}
