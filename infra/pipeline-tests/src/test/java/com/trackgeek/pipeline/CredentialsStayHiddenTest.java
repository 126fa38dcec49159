package com.trackgeek.pipeline;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider credentials are configuration an operator trusts us with: after every provider has been called
 * with them, successfully and with its credentials refused, no line any service printed and no actuator
 * endpoint of any service shows one of them.
 */
class CredentialsStayHiddenTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Pipeline pipeline = Pipeline.get();

    @Test
    void noCredentialAppearsInAnyLogLineOrActuatorEndpoint() {
        // Every provider used with the credentials: fixture items, plus refusals that get logged as failures.
        assertThat(ApiCalls.get(pipeline.apiUrl(), "/api/v1/movie/671?wait=PT30S").status()).isEqualTo(200);
        assertThat(ApiCalls.get(pipeline.apiUrl(), "/api/v1/game/19560?wait=PT30S").status()).isEqualTo(200);
        assertThat(ApiCalls.get(pipeline.apiUrl(), "/api/v1/book/328491?wait=PT30S").status()).isEqualTo(200);
        pipeline.providers.script().respond("/tmdb/3/movie/771001", 401, "tmdb/error-401-invalid-api-key.json");
        var refused = ApiCalls.get(pipeline.apiUrl(), "/api/v1/movie/771001?wait=PT30S");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("TMDB_CREDENTIALS_REJECTED");

        List<String> pages = new ArrayList<>();
        for (String service : List.of(pipeline.apiUrl(), pipeline.syncWorkerUrl(), pipeline.embeddingWorkerUrl())) {
            for (String url : actuatorPages(service)) {
                pages.add(url + "\n" + ApiCalls.getText(url).body());
            }
        }
        String console = pipeline.console.text();

        assertThat(pages).as("actuator pages read").hasSizeGreaterThan(10);
        assertThat(console).as("the recorded console").contains("TMDB_CREDENTIALS_REJECTED");
        for (String secret : Pipeline.SECRETS.values()) {
            assertThat(console).as("every line printed since the pipeline started, in %s", pipeline.console.file())
                    .doesNotContain(secret);
            assertThat(pages).as("actuator pages").noneMatch(page -> page.contains(secret));
        }
    }

    /** Every endpoint the actuator lists, each metric's own page, and the ones that would leak if exposed. */
    private static Set<String> actuatorPages(String service) {
        Set<String> urls = new LinkedHashSet<>();
        urls.add(service + "/actuator");
        JsonNode links = JSON.readTree(ApiCalls.getText(service + "/actuator").body()).path("_links");
        for (JsonNode link : links) {
            if (!link.path("templated").asBoolean()) {
                urls.add(link.path("href").asString());
            }
        }
        JsonNode metrics = JSON.readTree(ApiCalls.getText(service + "/actuator/metrics").body()).path("names");
        for (JsonNode name : metrics) {
            urls.add(service + "/actuator/metrics/" + name.asString());
        }
        for (String hidden : List.of("env", "configprops", "env/trackgeek.providers.tmdb.api-key", "heapdump", "loggers")) {
            urls.add(service + "/actuator/" + hidden);
        }
        return urls;
    }
}
