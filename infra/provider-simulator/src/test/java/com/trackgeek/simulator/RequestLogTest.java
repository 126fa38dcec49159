package com.trackgeek.simulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Jikan's public limits (3 a second, 60 a minute) are on, so some requests end 429. */
@SimulatorTest
@TestPropertySource(properties = "simulator.jikan.rate-limit.enabled=true")
class RequestLogTest {

    private final MockMvcTester mvc;
    private final RequestLog requests;
    private final ProviderScript script;
    private final MutableClock clock;

    @Autowired
    RequestLogTest(MockMvcTester mvc, RequestLog requests, ProviderScript script, MutableClock clock) {
        this.mvc = mvc;
        this.requests = requests;
        this.script = script;
        this.clock = clock;
    }

    @BeforeEach
    void emptyLogNoRulesAndAnEmptyBudgetWindow() {
        script.reset();
        clock.advance(Duration.ofMinutes(1));
        requests.clear();
    }

    @Test
    void everyRequestIsLoggedWithItsStatusThoseRejectedWith429Included() {
        for (String path : new String[] {"/anime/1/full", "/anime/1/characters", "/manga/25/full", "/anime/1/full",
                "/manga/25/full"}) {
            get("/jikan/v4" + path);
        }

        assertThat(requests.count("/jikan/v4/.*")).isEqualTo(5);
        assertThat(requests.count("/jikan/v4/anime/1/full")).isEqualTo(2);
        assertThat(requests.requests("/jikan/v4/.*")).extracting(LoggedRequest::status)
                .containsExactly(200, 200, 200, 429, 429);
        assertThat(requests.requests("/jikan/v4/manga/.*")).extracting(LoggedRequest::path)
                .containsExactly("/jikan/v4/manga/25/full", "/jikan/v4/manga/25/full");
    }

    @Test
    void arrivalsAreOnTheSimulatorsClockOldestFirst() {
        Instant first = clock.instant();
        get("/jikan/v4/anime/1");
        clock.advance(Duration.ofSeconds(2));
        get("/jikan/v4/manga/2");
        clock.advance(Duration.ofMillis(1500));
        get("/jikan/v4/anime/3");

        assertThat(requests.arrivals("/jikan/v4/.*"))
                .containsExactly(first, first.plusSeconds(2), first.plusMillis(3500));
        assertThat(requests.arrivals("/jikan/v4/anime/\\d+")).containsExactly(first, first.plusMillis(3500));
    }

    @Test
    void theWholePathMustMatch() {
        get("/jikan/v4/anime/1/full");

        assertThat(requests.count("/jikan/v4/anime/1")).isZero();
        assertThat(requests.count(".*/anime/1/.*")).isEqualTo(1);
    }

    @Test
    void aHeldRequestIsCountedFromItsArrival() {
        // Long enough that the assertions below run while it is held, however slow the machine.
        script.delay("/jikan/v4/anime/5114/full", Duration.ofSeconds(5));

        CompletableFuture<Integer> held = CompletableFuture.supplyAsync(() -> get("/jikan/v4/anime/5114/full"));

        await().atMost(Duration.ofSeconds(10)).until(() -> requests.count("/jikan/v4/anime/5114/full") == 1);
        assertThat(held).isNotDone();
        assertThat(requests.requests(".*").getFirst().status()).as("not answered yet").isZero();
        assertThat(held.join()).isEqualTo(200);
        assertThat(requests.requests(".*").getFirst().status()).isEqualTo(200);
    }

    @Test
    void clearForgetsTheLogButNotTheSpentBudget() {
        for (int i = 0; i < 3; i++) {
            get("/jikan/v4/anime/" + i);
        }

        requests.clear();

        assertThat(requests.count(".*")).isZero();
        assertThat(get("/jikan/v4/anime/4")).isEqualTo(429);
        assertThat(requests.count(".*")).isEqualTo(1);
    }

    private int get(String uri) {
        return mvc.get().uri(uri).exchange().getResponse().getStatus();
    }
}
