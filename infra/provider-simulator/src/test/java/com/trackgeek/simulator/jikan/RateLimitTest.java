package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.MutableClock;
import com.trackgeek.simulator.SimulatorTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@SimulatorTest
@TestPropertySource(properties = {
        "simulator.jikan.rate-limit.enabled=true",
        "simulator.jikan.rate-limit.per-second=2",
        "simulator.jikan.rate-limit.per-minute=3"})
// Each test needs the windows empty.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class RateLimitTest {

    private final JikanClient jikan;
    private final MutableClock clock;
    private final MeterRegistry meters;

    @Autowired
    RateLimitTest(MockMvcTester mvc, JsonMapper jsonMapper, MutableClock clock, MeterRegistry meters) {
        this.jikan = new JikanClient(mvc, jsonMapper);
        this.clock = clock;
        this.meters = meters;
    }

    @Test
    void perSecondWindowAnswers429InJikansShapeWithRetryAfter() {
        assertThat(jikan.get("/anime/1").status()).isEqualTo(200);
        assertThat(jikan.get("/anime/2/full").status()).isEqualTo(200);

        JikanClient.Response third = jikan.get("/anime/3");

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.retryAfter()).isEqualTo("1");
        assertThat(third.body()).isEqualTo(Fixtures.read("jikan/error-429-rate-limited-constructed.json"));
        assertThat(third.body().get("status").isString()).isTrue();
        assertThat(meters.counter("simulator.requests", "provider", "jikan",
                "endpoint", "/jikan/v4/anime/{id}", "outcome", "rate_limited").count()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(jikan.get("/anime/3").status()).isEqualTo(200);
    }

    @Test
    void perMinuteWindowHoldsAcrossSeconds() {
        for (int i = 1; i <= 3; i++) {
            assertThat(jikan.get("/anime/" + i).status()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(5));
        }

        JikanClient.Response fourth = jikan.get("/seasons/now");

        assertThat(fourth.status()).isEqualTo(429);
        // The first request (at 0 s) leaves the minute window at 60 s; it is now 15 s.
        assertThat(fourth.retryAfter()).isEqualTo("45");
        assertThat(fourth.body().get("type").asString()).isEqualTo("RateLimitException");
        clock.advance(Duration.ofSeconds(45));
        assertThat(jikan.get("/seasons/now").status()).isEqualTo(200);
    }
}
