package com.trackgeek.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogCapacityTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));

    @Test
    void keepsOnlyTheNewestRequestsSoALoadRunCannotExhaustMemory() {
        RequestLog log = new RequestLog(clock, new SimulatorProperties("fixtures", 3));

        for (int i = 1; i <= 5; i++) {
            log.arrived("/jikan/v4/anime/" + i).answered(200);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(log.requests(".*")).extracting(LoggedRequest::path)
                .containsExactly("/jikan/v4/anime/3", "/jikan/v4/anime/4", "/jikan/v4/anime/5");
    }
}
