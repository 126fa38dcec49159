package com.trackgeek.simulator.jikan;

/** Where the simulated Jikan lives: a client's base URL is {@code http://host:port/jikan/v4}. */
public final class JikanPaths {

    /** Every Jikan endpoint, anime and manga alike, is under this path, behind one gate and one budget. */
    public static final String BASE = "/jikan/v4";

    private JikanPaths() {
    }
}
