package com.trackgeek.pipeline;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials are configuration an operator trusts us with, and API keys are what clients trust us with. After
 * every provider has been called with its credentials, has refused them with an answer that quotes them back, and
 * after clients have sent keys where an answer could echo them (a query parameter, a path segment, a wrong key, a
 * key in the wrong form), none of them is in any line any service printed (stack traces included), in any actuator
 * page of any service (also with every endpoint exposed and values shown), in any answer a client got, or in any
 * failure the pipeline stored to show later.
 */
class CredentialsStayHiddenTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A key no deployment knows: a revoked or mistyped one is a credential all the same. */
    private static final String WRONG_KEY = "pipeline-revoked-key-8d2f4a1c6e";
    /** May read every actuator endpoint of an API instance ({@code actuator:read}); given only to the instance below. */
    private static final String OPERATOR_KEY = "pipeline-operator-key-1b7c9e3d5f";
    /** Hosted model keys, configured (and shown nowhere) on an embedding worker that embeds in-process. */
    private static final Map<String, String> MODEL_KEYS = Map.of(
            "trackgeek.embedding.model.gemini.api-key", "pipeline-secret-gemini-key-4e8a1d",
            "trackgeek.embedding.model.openai.api-key", "sk-pipeline-secret-openai-key-6b2f9c");
    /** Every endpoint that can be exposed but the memory dump (which holds every string of the JVM by nature). */
    private static final Map<String, Object> EVERYTHING_SHOWN = Map.of(
            "management.endpoints.web.exposure.include", "*",
            "management.endpoints.web.exposure.exclude", "heapdump",
            "management.endpoint.env.show-values", "always",
            "management.endpoint.configprops.show-values", "always");

    private final Pipeline pipeline = Pipeline.get();

    @Test
    void noCredentialOrKeyAppearsInAnyLogLineActuatorPageAnswerOrStoredFailure() {
        List<String> answers = new ArrayList<>();
        everyProviderIsUsedWithItsCredentials();
        answers.addAll(everyProviderRefusesItsCredentialsQuotingThemBack());
        answers.addAll(clientsSendKeysWhereAnAnswerCouldEchoThem());

        List<String> pages = new ArrayList<>();
        for (String service : List.of(pipeline.apiUrl(), pipeline.syncWorkerUrl(), pipeline.embeddingWorkerUrl())) {
            pages.addAll(actuatorPages(service, null));
        }
        pages.addAll(everyActuatorPageWithValuesShown());

        List<String> secrets = new ArrayList<>(Pipeline.SECRETS.values());
        secrets.addAll(List.of(Pipeline.REFRESH_KEY, Pipeline.sha256Hex(Pipeline.REFRESH_KEY), WRONG_KEY, OPERATOR_KEY,
                Pipeline.sha256Hex(OPERATOR_KEY)));
        secrets.addAll(MODEL_KEYS.values());
        List<String> twitchTokens = Database.providerAccessTokens();
        assertThat(twitchTokens).as("the Twitch app token IGDB was called with").isNotEmpty();
        secrets.addAll(twitchTokens);

        String console = pipeline.console.text();
        assertThat(pages).as("actuator pages read").hasSizeGreaterThan(30);
        assertThat(console).as("the recorded console").contains("TMDB_CREDENTIALS_REJECTED")
                .contains("HARDCOVER_CREDENTIALS_REJECTED").contains("IGDB_CREDENTIALS_REJECTED");
        for (String secret : secrets) {
            assertThat(console).as("every line printed since the pipeline started, in %s", pipeline.console.file())
                    .doesNotContain(secret);
            assertThat(pages).as("actuator pages").noneMatch(page -> page.contains(secret));
            assertThat(answers).as("answers to clients").noneMatch(answer -> answer.contains(secret));
            assertThat(Database.storedFailuresMentioning(secret)).as("stored failures").isEmpty();
        }
    }

    /** Fixture items of every provider with credentials: TMDB's key, IGDB's Twitch client, Hardcover's token. */
    private void everyProviderIsUsedWithItsCredentials() {
        assertThat(ApiCalls.get(pipeline.apiUrl(), "/api/v1/movie/671?wait=PT30S").status()).isEqualTo(200);
        assertThat(ApiCalls.get(pipeline.apiUrl(), "/api/v1/game/19560?wait=PT30S").status()).isEqualTo(200);
        assertThat(ApiCalls.get(pipeline.apiUrl(), "/api/v1/book/328491?wait=PT30S").status()).isEqualTo(200);
    }

    /**
     * Each provider refuses the credentials, and its answer quotes them (as a careless provider or a proxy could):
     * the refusals are logged, stored and answered, and must carry nothing of what was quoted.
     */
    private List<String> everyProviderRefusesItsCredentialsQuotingThemBack() {
        String tmdbKey = Pipeline.SECRETS.get("trackgeek.providers.tmdb.api-key");
        String clientId = Pipeline.SECRETS.get("trackgeek.providers.igdb.client-id");
        String hardcoverToken = Pipeline.SECRETS.get("trackgeek.providers.hardcover.token");
        var script = pipeline.providers.script();
        try {
            script.respondBody("/tmdb/3/movie/771001", 401,
                    "{\"status_code\":7,\"status_message\":\"Invalid API key: " + tmdbKey + "\",\"success\":false}");
            script.respondBody("/hardcover/v1/graphql", 200, "{\"errors\":[{\"message\":\"Could not verify JWT: Bearer "
                    + hardcoverToken + "\",\"extensions\":{\"code\":\"invalid-jwt\",\"path\":\"$\"}}]}");
            script.respondBody("/igdb/v4/games", 401, "{\"message\":\"Authorization Failure for client " + clientId + "\"}");
            script.respondBody("/twitch/oauth2/token", 400, "{\"status\":400,\"message\":\"invalid client " + clientId + "\"}");
            List<String> answers = new ArrayList<>();
            answers.add(refused("/api/v1/movie/771001?wait=PT30S", "TMDB_CREDENTIALS_REJECTED"));
            answers.add(refused("/api/v1/book/771002?wait=PT30S", "HARDCOVER_CREDENTIALS_REJECTED"));
            answers.add(refused("/api/v1/game/771003?wait=PT30S", "IGDB_CREDENTIALS_REJECTED"));
            return answers;
        } finally {
            script.reset();
        }
    }

    private String refused(String pathAndQuery, String code) {
        Exchange answer = send("GET", pipeline.apiUrl() + pathAndQuery, Map.of());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(JSON.readTree(answer.body()).path("code").asString()).as(answer.toString()).isEqualTo(code);
        return answer.toString();
    }

    /**
     * A key in a query parameter, in a path segment, in the wrong header or form, a key that is wrong, a key that
     * lacks the scope: every answer is a 4xx and none repeats the key.
     */
    private List<String> clientsSendKeysWhereAnAnswerCouldEchoThem() {
        String api = pipeline.apiUrl();
        String key = Pipeline.REFRESH_KEY;
        List<Exchange> answers = List.of(
                send("GET", api + "/api/v1/anime/" + key, Map.of()),
                send("GET", api + "/api/v1/anime/5114?wait=" + key, Map.of()),
                send("GET", api + "/api/v1/anime/search?q=x&page=" + key, Map.of()),
                send("GET", api + "/api/v1/" + key + "/5114", Map.of()),
                send("GET", api + "/api/v1/sync-requests/" + key, Map.of()),
                send("GET", api + "/api/v1/similar/anime/" + key, Map.of()),
                send("GET", api + "/api/v1/bulk-syncs/" + key, Map.of()),
                send("POST", api + "/api/v1/anime/" + key + "/refresh", Map.of("X-API-Key", key)),
                send("POST", api + "/api/v1/anime/5114/refresh?api_key=" + key, Map.of()),
                send("POST", api + "/api/v1/anime/5114/refresh", Map.of("X-API-Key", WRONG_KEY)),
                send("POST", api + "/api/v1/anime/5114/refresh", Map.of("X-API-Key", "Bearer " + key)),
                send("POST", api + "/api/v1/anime/5114/refresh", Map.of("X-API-Key", key + " " + WRONG_KEY)),
                send("POST", api + "/api/v1/anime/5114/refresh", Map.of("Authorization", "Bearer " + key)),
                send("POST", api + "/api/v1/bulk-syncs", Map.of("X-API-Key", key, "Content-Type", "application/json")),
                send("GET", api + "/actuator/env", Map.of("X-API-Key", key)),
                send("GET", api + "/actuator/env", Map.of("X-API-Key", WRONG_KEY)));
        for (Exchange answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        }
        return answers.stream().map(Exchange::toString).toList();
    }

    /**
     * Another instance of each service with every actuator endpoint exposed and values shown, as an operator might
     * set them while looking into a problem: the credentials are masked all the same.
     */
    private List<String> everyActuatorPageWithValuesShown() {
        Map<String, Object> api = new LinkedHashMap<>(EVERYTHING_SHOWN);
        api.put("trackgeek.api.security.keys[1].name", "pipeline-operator");
        api.put("trackgeek.api.security.keys[1].hash", "{sha256}" + Pipeline.sha256Hex(OPERATOR_KEY));
        api.put("trackgeek.api.security.keys[1].scopes", "actuator:read");
        Map<String, Object> embedding = new LinkedHashMap<>(EVERYTHING_SHOWN);
        embedding.putAll(MODEL_KEYS);
        List<String> pages = new ArrayList<>();
        try (ConfigurableApplicationContext apiInstance = pipeline.startApi(api);
             ConfigurableApplicationContext syncWorker = pipeline.startAnotherSyncWorker(EVERYTHING_SHOWN);
             ConfigurableApplicationContext embeddingWorker = pipeline.startEmbeddingWorker(embedding)) {
            List<String> shown = actuatorPages(Pipeline.urlOf(apiInstance), OPERATOR_KEY);
            assertThat(shown).as("the api's env, read with the operator's key")
                    .anyMatch(page -> page.contains("/actuator/env\n") && page.contains("trackgeek.api.security.keys[1].hash"));
            pages.addAll(shown);
            pages.addAll(actuatorPages(Pipeline.urlOf(syncWorker), null));
            pages.addAll(actuatorPages(Pipeline.urlOf(embeddingWorker), null));
        }
        assertThat(pages).as("values are shown: the test would see a credential if it were there")
                .anyMatch(page -> page.contains(pipeline.providers.tmdbBaseUrl()));
        return pages;
    }

    /** Every endpoint the actuator lists, each metric's own page, and the ones that would leak if exposed. */
    private static List<String> actuatorPages(String service, String key) {
        Map<String, String> headers = key == null ? Map.of() : Map.of("X-API-Key", key);
        Set<String> urls = new LinkedHashSet<>();
        urls.add(service + "/actuator");
        JsonNode links = JSON.readTree(send("GET", service + "/actuator", headers).body()).path("_links");
        for (JsonNode link : links) {
            if (!link.path("templated").asBoolean()) {
                urls.add(link.path("href").asString());
            }
        }
        JsonNode metrics = JSON.readTree(send("GET", service + "/actuator/metrics", headers).body()).path("names");
        for (JsonNode name : metrics) {
            urls.add(service + "/actuator/metrics/" + name.asString());
        }
        for (String property : List.of("env/trackgeek.providers.tmdb.api-key", "env/trackgeek.providers.igdb.client-secret",
                "env/trackgeek.providers.igdb.client-id", "env/trackgeek.providers.hardcover.token",
                "env/trackgeek.embedding.model.gemini.api-key", "env/trackgeek.api.security.keys%5B0%5D.hash")) {
            urls.add(service + "/actuator/" + property);
        }
        for (String hidden : List.of("env", "configprops", "heapdump", "loggers")) {
            urls.add(service + "/actuator/" + hidden);
        }
        return urls.stream().map(url -> url + "\n" + send("GET", url, headers)).toList();
    }

    /** An answer as a client sees it: status, every header, the body. */
    private record Exchange(int status, String headers, String body) {

        @Override
        public String toString() {
            return status + "\n" + headers + "\n" + body;
        }
    }

    private static Exchange send(String method, String url, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90))
                .method(method, "POST".equals(method) ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Exchange(response.statusCode(), response.headers().map().toString(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
