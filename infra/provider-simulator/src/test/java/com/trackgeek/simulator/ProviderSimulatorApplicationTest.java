package com.trackgeek.simulator;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What the standalone launcher does: start the simulator in-process and talk HTTP to it. */
class ProviderSimulatorApplicationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startServesJikanOverHttpWithItsOwnConfigFile() throws Exception {
        try (ConfigurableApplicationContext context = ProviderSimulatorApplication.start(
                "--server.port=0", "--simulator.fixtures-dir=" + Fixtures.dir())) {
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");

            HttpResponse<String> anime = get(base + "/jikan/v4/anime/5114/full");
            // Only provider-simulator.yml exposes the Prometheus endpoint: 200 proves it was read.
            HttpResponse<String> prometheus = get(base + "/actuator/prometheus");

            assertThat(anime.statusCode()).isEqualTo(200);
            assertThat(anime.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(anime.body()).contains("\"title\":\"Fullmetal Alchemist: Brotherhood\"");
            assertThat(prometheus.statusCode()).isEqualTo(200);
            // service-kit, on the test classpath as in the standalone run, names the service on every meter.
            assertThat(prometheus.body()).contains("simulator_requests_total{deployment=\"local\",endpoint=\"/jikan/v4/anime/{id}/full\","
                    + "outcome=\"ok\",provider=\"jikan\",service=\"provider-simulator\"}");
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
