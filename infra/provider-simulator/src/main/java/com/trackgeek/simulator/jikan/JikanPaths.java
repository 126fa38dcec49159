package com.trackgeek.simulator.jikan;

/** Where the simulated Jikan lives: a client's base URL is {@code http://host:port/jikan/v4}. */
final class JikanPaths {

    static final String BASE = "/jikan/v4";

    private JikanPaths() {
    }
}
