package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.LoggedRequest;
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

/** api.jikan.moe counts every request against one budget, whichever kind of item it asks for. */
@SimulatorTest
@TestPropertySource(properties = {
        "simulator.jikan.rate-limit.enabled=true",
        "simulator.jikan.rate-limit.per-second=3",
        "simulator.jikan.rate-limit.per-minute=60"})
// The windows must start empty.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class SharedBudgetTest {

    private final JikanClient jikan;
    private final MutableClock clock;
    private final RequestLog requests;

    @Autowired
    SharedBudgetTest(MockMvcTester mvc, JsonMapper jsonMapper, MutableClock clock, RequestLog requests) {
        this.jikan = new JikanClient(mvc, jsonMapper);
        this.clock = clock;
        this.requests = requests;
    }

    @Test
    void animeAndMangaRequestsSpendOneBudgetOfThreeASecond() {
        assertThat(jikan.get("/anime/5114/full").status()).isEqualTo(200);
        assertThat(jikan.get("/manga/25/full").status()).isEqualTo(200);
        assertThat(jikan.get("/manga/25/characters").status()).isEqualTo(200);

        JikanClient.Response fourthAnime = jikan.get("/anime/1");
        JikanClient.Response fourthManga = jikan.get("/manga/2");

        for (JikanClient.Response rejected : new JikanClient.Response[] {fourthAnime, fourthManga}) {
            assertThat(rejected.status()).isEqualTo(429);
            assertThat(rejected.retryAfter()).isEqualTo("1");
            assertThat(rejected.body()).isEqualTo(Fixtures.read("jikan/error-429-rate-limited-constructed.json"));
        }
        assertThat(requests.requests("/jikan/v4/.*")).extracting(LoggedRequest::status)
                .containsExactly(200, 200, 200, 429, 429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(jikan.get("/manga/2").status()).isEqualTo(200);
    }

    @Test
    void theMinuteWindowIsSharedToo() {
        for (int i = 1; i <= 60; i++) {
            String path = i % 2 == 0 ? "/anime/" + i : "/manga/" + i + "/full";
            assertThat(jikan.get(path).status()).as(path).isEqualTo(200);
            clock.advance(Duration.ofMillis(500));
        }

        JikanClient.Response sixtyFirst = jikan.get("/manga/61");

        assertThat(sixtyFirst.status()).isEqualTo(429);
        // The first request (at 0 s) leaves the minute window at 60 s; it is now 30 s.
        assertThat(sixtyFirst.retryAfter()).isEqualTo("30");
    }
}
