package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@SimulatorTest
@TestPropertySource(properties = "simulator.jikan.error-rate=1")
class FaultInjectionTest {

    private final JikanClient jikan;

    @Autowired
    FaultInjectionTest(MockMvcTester mvc, JsonMapper jsonMapper) {
        this.jikan = new JikanClient(mvc, jsonMapper);
    }

    @Test
    void errorRateOneAnswersEveryRequest500InJikansUpstreamShape() {
        JsonNode expected = Fixtures.read("jikan/error-500-upstream-exception-anime-full.json");

        for (String path : new String[] {"/anime/5114/full", "/anime/59032/full", "/manga/25/full", "/seasons/now",
                "/top/anime"}) {
            JikanClient.Response response = jikan.get(path);

            assertThat(response.status()).as(path).isEqualTo(500);
            assertThat(response.body().propertyNames()).as(path).containsExactlyElementsOf(expected.propertyNames());
            assertThat(response.body().get("status")).isEqualTo(expected.get("status"));
            assertThat(response.body().get("type")).isEqualTo(expected.get("type"));
            assertThat(response.body().get("message")).isEqualTo(expected.get("message"));
            assertThat(response.body().get("error").isString()).isTrue();
        }
        assertThat(jikan.get("/anime/59032/full").body().get("error").asString())
                .contains("https://myanimelist.net/anime/59032/");
        assertThat(jikan.get("/manga/25/characters").body().get("error").asString())
                .contains("https://myanimelist.net/manga/25/");
    }
}
