package com.trackgeek.simulator.tmdb;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.MutableClock;
import com.trackgeek.simulator.RequestLog;
import com.trackgeek.simulator.SimulatorTest;
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
        "simulator.tmdb.rate-limit.enabled=true",
        "simulator.tmdb.rate-limit.per-second=2",
        "simulator.tmdb.api-key=good-key",
        "simulator.tmdb.bearer-token=good-token"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class TmdbGateTest {

    private final TmdbHttp tmdb;
    private final MutableClock clock;
    private final RequestLog requests;

    @Autowired
    TmdbGateTest(MockMvcTester mvc, JsonMapper json, MutableClock clock, RequestLog requests) {
        this.tmdb = new TmdbHttp(mvc, json);
        this.clock = clock;
        this.requests = requests;
    }

    @Test
    void theConfiguredKeyOrTokenIsAcceptedAndAnythingElseGetsTmdbsRecorded401() {
        assertThat(tmdb.raw("/movie/671?api_key=good-key", null).status()).isEqualTo(200);
        assertThat(tmdb.raw("/movie/671", "good-token").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));

        for (var refused : new TmdbHttp.Response[]{tmdb.raw("/movie/671?api_key=bad-key", null), tmdb.raw("/movie/671", "bad-token")}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo(Fixtures.read("tmdb/error-401-invalid-api-key.json"));
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(tmdb.raw("/movie/671", null).status()).isEqualTo(401);
        assertThat(requests.count("/tmdb/3/movie/671")).isEqualTo(5);
    }

    @Test
    void overTheLimitIsTmdbsRecorded429WithRetryAfter() {
        assertThat(tmdb.raw("/movie/1?api_key=good-key", null).status()).isEqualTo(200);
        assertThat(tmdb.raw("/tv/1?api_key=good-key", null).status()).isEqualTo(200);

        TmdbHttp.Response third = tmdb.raw("/movie/2?api_key=good-key", null);

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.retryAfter()).isEqualTo("1");
        assertThat(third.body()).isEqualTo(Fixtures.read("tmdb/error-429-request-count-over-limit.json"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(tmdb.raw("/movie/2?api_key=good-key", null).status()).isEqualTo(200);
    }
}
