package com.trackgeek.api;

import com.trackgeek.contracts.MediaKey;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and API consumers find besides the API itself. */
class OperationsEndpointsTest extends ApiIntegrationTest {

    @Test
    void healthIsUp() {
        var response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusExportsTheApisMetrics() {
        MediaKey key = newAnimeKey();
        worker().storeItem(key, "Trigun", UUID.randomUUID());
        get(itemPath(key));
        get(itemPath(key));

        var response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("trackgeek_api_fetch_total{deployment=\"local\",outcome=\"cache_hit\",service=\"api\",type=\"ANIME\"}")
                .contains("trackgeek_api_fetch_total{deployment=\"local\",outcome=\"accepted_202\",service=\"api\",type=\"ANIME\"}")
                .contains("trackgeek_api_fetch_total{deployment=\"local\",outcome=\"cache_hit\",service=\"api\",type=\"MANGA\"}")
                .contains("trackgeek_api_fetch_wait_seconds_bucket{")
                .contains("trackgeek_api_sync_waiters{deployment=\"local\",service=\"api\"}")
                .contains("cache_gets_total{cache=\"items\",deployment=\"local\",result=\"hit\",service=\"api\"}")
                .contains("cache_size{cache=\"items\",deployment=\"local\",service=\"api\"}")
                .contains("http_server_requests_seconds_count{");
    }

    @Test
    void theOpenApiDescriptionListsTheEndpoints() {
        var response = get("/v3/api-docs");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var paths = json(response).get("paths");
        assertThat(paths.has("/api/v1/{type}/{id}")).as(paths.toString()).isTrue();
        assertThat(paths.has("/api/v1/sync-requests/{id}")).isTrue();
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }
}
