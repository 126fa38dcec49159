package com.trackgeek.simulator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a service's test does: start the simulator in its own JVM on a free port, talk HTTP to it, steer it,
 * close it. This module's test classpath holds a service's DataSource, Flyway, Kafka and service-kit
 * auto-configurations, so every start here also proves none of them gets in the way.
 */
class EmbeddedSimulatorTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void startsOnAFreePortWithTheBuildsFixturesAndFreesThePortOnClose() throws Exception {
        String jikan;
        try (EmbeddedSimulator simulator = EmbeddedSimulator.start(Map.of())) {
            jikan = simulator.jikanBaseUrl();

            HttpResponse<String> fmab = get(jikan + "/anime/5114/full");

            assertThat(simulator.baseUrl()).matches("http://localhost:\\d+").isNotEqualTo("http://localhost:8090");
            assertThat(jikan).isEqualTo(simulator.baseUrl() + "/jikan/v4");
            assertThat(fmab.statusCode()).isEqualTo(200);
            // Recorded, so read from the folder the build names: the yml's default does not exist from here.
            assertThat(body(fmab)).isEqualTo(Fixtures.read("jikan/anime-5114-fmab-full-readme-example.json"));
            assertThat(simulator.requests().count("/jikan/v4/anime/5114/full")).isEqualTo(1);
        }
        assertThatThrownBy(() -> get(jikan + "/anime/5114/full")).isInstanceOf(ConnectException.class);
    }

    @Test
    void settingsWinOverTheConfiguredDefaults() throws Exception {
        try (EmbeddedSimulator simulator = EmbeddedSimulator.start(Map.of(
                "simulator.jikan.rate-limit.per-minute", 2,
                "simulator.jikan.not-found-above-id", 10))) {
            String jikan = simulator.jikanBaseUrl();

            assertThat(get(jikan + "/anime/10").statusCode()).isEqualTo(200);
            assertThat(get(jikan + "/anime/11").statusCode()).isEqualTo(404);
            assertThat(get(jikan + "/manga/10").statusCode()).as("a third request within the minute").isEqualTo(429);
        }
    }

    @Test
    void testsSteerItThroughItsScripts() throws Exception {
        try (EmbeddedSimulator simulator = EmbeddedSimulator.start(Map.of("simulator.jikan.rate-limit.enabled", false))) {
            String jikan = simulator.jikanBaseUrl();
            simulator.jikan().serveRecordedAs("anime", 700_001, 5114);
            simulator.script().respond("/jikan/v4/anime/700002/full", 500,
                    "jikan/error-500-upstream-exception-anime-full.json");

            JsonNode standIn = body(get(jikan + "/anime/700001/full")).get("data");
            HttpResponse<String> failing = get(jikan + "/anime/700002/full");

            assertThat(standIn.get("mal_id").asLong()).isEqualTo(700_001);
            assertThat(standIn.get("title").asString()).isEqualTo("Fullmetal Alchemist: Brotherhood");
            assertThat(failing.statusCode()).isEqualTo(500);
            assertThat(body(failing)).isEqualTo(Fixtures.read("jikan/error-500-upstream-exception-anime-full.json"));
            assertThat(simulator.requests().requests("/jikan/v4/anime/70000\\d/full"))
                    .extracting(LoggedRequest::status).containsExactly(200, 500);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
