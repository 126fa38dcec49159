package com.trackgeek.embedding;

import com.trackgeek.contracts.EmbeddingLane;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ActuatorTest extends WorkerIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusExportsTheLaneMetrics() throws Exception {
        awaitOutcome(publish(EmbeddingLane.HIGH, newAnimeKey()).requestId());

        HttpResponse<String> scrape = get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("trackgeek_embedding_requests_received_total{deployment=\"local\",lane=\"high\"")
                .contains("trackgeek_embedding_requests_completed_total{deployment=\"local\",lane=\"low\",outcome=\"skipped_unchanged\"")
                .contains("trackgeek_embedding_batch_size_count{deployment=\"local\",lane=\"high\"")
                .contains("trackgeek_embedding_request_wait_seconds_count{deployment=\"local\",lane=\"high\"")
                .containsPattern("trackgeek_kafka_consumer_lag_messages\\{deployment=\"local\",group=\"[^\"]+\",lane=\"embedding-low\"")
                .contains("trackgeek_embedding_low_paused")
                .contains("trackgeek_embedding_high_busy");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
