package com.trackgeek.simulator.igdb;

import com.trackgeek.simulator.FaultSettings;
import com.trackgeek.simulator.RateWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How the simulated IGDB behaves.
 *
 * @param perSecond        requests a second (IGDB: 4); 0 switches the window off
 * @param maxOpenRequests  requests open at once (IGDB: 8); the next one is answered 429 at once
 * @param latency          added to every admitted request (makes requests overlap in concurrency tests)
 * @param errorRate        fraction (0..1) answered 500
 * @param notFoundAboveId  ids above this are unknown (left out of the answer), unless a fixture has them
 * @param seed             drives every synthesised game and injected fault
 */
@ConfigurationProperties("simulator.igdb")
record IgdbProperties(@DefaultValue("4") int perSecond,
                      @DefaultValue("8") int maxOpenRequests,
                      @DefaultValue("0ms") Duration latency,
                      @DefaultValue("0") double errorRate,
                      @DefaultValue("1000000") long notFoundAboveId,
                      @DefaultValue("20240214") long seed) {

    List<RateWindow> windows() {
        return perSecond > 0 ? List.of(new RateWindow(perSecond, Duration.ofSeconds(1))) : List.of();
    }

    FaultSettings faults() {
        return new FaultSettings(latency, errorRate, 0, Duration.ZERO, seed);
    }

    boolean exists(long id) {
        return id >= 1 && id <= notFoundAboveId;
    }
}
