package com.trackgeek.simulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jikan's public limits (3 a second, 60 a minute) are on: scripted answers must spend them too. */
@SimulatorTest
@TestPropertySource(properties = "simulator.jikan.rate-limit.enabled=true")
class ProviderScriptTest {

    private static final String UPSTREAM_500 = "jikan/error-500-upstream-exception-anime-full.json";

    private final MockMvcTester mvc;
    private final JsonMapper json;
    private final ProviderScript script;
    private final MutableClock clock;

    @Autowired
    ProviderScriptTest(MockMvcTester mvc, JsonMapper json, ProviderScript script, MutableClock clock) {
        this.mvc = mvc;
        this.json = json;
        this.script = script;
        this.clock = clock;
    }

    @BeforeEach
    void noRulesAndAnEmptyBudgetWindow() {
        script.reset();
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void respondAnswersWithTheRecordedFixtureAsJson() {
        script.respond("/jikan/v4/anime/5114/full", 500, UPSTREAM_500);

        MockHttpServletResponse scripted = get("/jikan/v4/anime/5114/full");

        assertThat(scripted.getStatus()).isEqualTo(500);
        assertThat(scripted.getContentType()).startsWith("application/json");
        assertThat(body(scripted)).isEqualTo(Fixtures.read(UPSTREAM_500));
        assertThat(get("/jikan/v4/anime/5114").getStatus()).as("another path").isEqualTo(200);
    }

    @Test
    void respondWithoutAFixtureAnswersAnEmptyBody() {
        script.respond("/jikan/v4/anime/7/full", 503, null);

        MockHttpServletResponse scripted = get("/jikan/v4/anime/7/full");

        assertThat(scripted.getStatus()).isEqualTo(503);
        assertThat(scripted.getContentAsByteArray()).isEmpty();
    }

    @Test
    void respondBodyAnswersExactlyTheGivenBody() {
        String drifted = "{\"data\": {\"mal_id\": \"not a number\"}}";
        script.respondBody("/jikan/v4/anime/8/full", 200, drifted);

        MockHttpServletResponse scripted = get("/jikan/v4/anime/8/full");

        assertThat(scripted.getStatus()).isEqualTo(200);
        assertThat(new String(scripted.getContentAsByteArray(), StandardCharsets.UTF_8)).isEqualTo(drifted);
    }

    @Test
    void aScripted429NamesAWaitAsTheGatewaysDo() {
        script.respond("/jikan/v4/anime/9/full", 429, "jikan/error-429-rate-limited-constructed.json");

        MockHttpServletResponse scripted = get("/jikan/v4/anime/9/full");

        assertThat(scripted.getStatus()).isEqualTo(429);
        assertThat(scripted.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void theWholePathMustMatchAndTheQueryStringIsNotPartOfIt() {
        script.respond("/jikan/v4/anime/1", 500, UPSTREAM_500);
        script.respond("/jikan/v4/anime", 500, UPSTREAM_500);

        assertThat(get("/jikan/v4/anime/1").getStatus()).isEqualTo(500);
        assertThat(get("/jikan/v4/anime/1/full").getStatus()).isEqualTo(200);
        assertThat(get("/jikan/v4/anime?q=naruto").getStatus()).isEqualTo(500);
    }

    @Test
    void theNewestMatchingRuleWins() {
        script.respond("/jikan/v4/anime/\\d+/full", 500, UPSTREAM_500);
        script.respondBody("/jikan/v4/anime/42/full", 200, "{}");

        assertThat(get("/jikan/v4/anime/42/full").getStatus()).isEqualTo(200);
        assertThat(get("/jikan/v4/anime/43/full").getStatus()).as("only the older rule matches").isEqualTo(500);

        script.respond("/jikan/v4/anime/4\\d/full", 503, null);
        assertThat(get("/jikan/v4/anime/42/full").getStatus()).isEqualTo(503);
    }

    @Test
    void clearRemovesTheRulesOfOnePatternAndResetRemovesAll() {
        script.respond("/jikan/v4/anime/1/full", 500, UPSTREAM_500);
        script.respond("/jikan/v4/anime/1/full", 503, null);
        script.respond("/jikan/v4/manga/1/full", 500, UPSTREAM_500);

        script.clear("/jikan/v4/anime/1/full");

        assertThat(get("/jikan/v4/anime/1/full").getStatus()).isEqualTo(200);
        assertThat(get("/jikan/v4/manga/1/full").getStatus()).isEqualTo(500);
        script.reset();
        assertThat(get("/jikan/v4/manga/1/full").getStatus()).isEqualTo(200);
    }

    @Test
    void delayHoldsTheRequestThenAnswersItNormally() {
        script.respond("/jikan/v4/anime/5114/full", 500, UPSTREAM_500);
        script.delay("/jikan/v4/anime/5114/full", Duration.ofMillis(300));

        long started = System.nanoTime();
        MockHttpServletResponse held = get("/jikan/v4/anime/5114/full");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(held.getStatus()).as("the newer delay wins over the older answer").isEqualTo(200);
        assertThat(body(held)).isEqualTo(Fixtures.read("jikan/anime-5114-fmab-full-readme-example.json"));
    }

    @Test
    void scriptedAnswersSpendTheRateLimitBudgetLikeRealOnes() {
        script.respond("/jikan/v4/.*", 500, UPSTREAM_500);

        for (int i = 0; i < 3; i++) {
            assertThat(get("/jikan/v4/anime/" + i + "/full").getStatus()).isEqualTo(500);
        }
        MockHttpServletResponse fourth = get("/jikan/v4/manga/25/full");

        assertThat(fourth.getStatus()).isEqualTo(429);
        assertThat(body(fourth)).isEqualTo(Fixtures.read("jikan/error-429-rate-limited-constructed.json"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(get("/jikan/v4/manga/25/full").getStatus()).isEqualTo(500);
    }

    @Test
    void mistakesFailWhenTheRuleIsAddedNotWhenARequestArrives() {
        assertThatThrownBy(() -> script.respond("/jikan/v4/anime/(", 500, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> script.respond("/jikan/v4/.*", 500, "jikan/no-such-fixture.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-fixture.json");
        assertThatThrownBy(() -> script.respondBody("/jikan/v4/.*", 42, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> script.delay("/jikan/v4/.*", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private MockHttpServletResponse get(String uri) {
        return mvc.get().uri(uri).exchange().getResponse();
    }

    private JsonNode body(MockHttpServletResponse response) {
        return json.readTree(response.getContentAsByteArray());
    }
}
