package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@SimulatorTest
@TestPropertySource(properties = {
        "simulator.jikan.timeout-rate=1",
        "simulator.jikan.timeout-delay=400ms",
        "simulator.jikan.latency=100ms"})
class TimeoutInjectionTest {

    private final JikanClient jikan;

    @Autowired
    TimeoutInjectionTest(MockMvcTester mvc, JsonMapper jsonMapper) {
        this.jikan = new JikanClient(mvc, jsonMapper);
    }

    @Test
    void timedOutRequestIsHeldForLatencyPlusTimeoutDelayThenAnswered() {
        long started = System.nanoTime();

        JikanClient.Response response = jikan.get("/anime/5114");

        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(500);
        assertThat(response.status()).isEqualTo(200);
    }
}
