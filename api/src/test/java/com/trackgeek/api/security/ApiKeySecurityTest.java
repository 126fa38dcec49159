package com.trackgeek.api.security;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.contracts.Topics;
import com.trackgeek.testsupport.SharedInfrastructure;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may start work: writes need an API key with the route's scope, decided before routing, so a refused request
 * starts nothing; reads stay open; keys and their hashes are never shown.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeySecurityTest extends ApiIntegrationTest {

    private static final String BULK_SYNCS = "/api/v1/bulk-syncs";
    /** The hashes configured in ApiIntegrationTest: they must never be shown either. */
    private static final String[] HASHES = {"70defefab556b656f8c5819aa3852f04c7cf450f51894758e01be227ca18296d",
            "3e14356f69f598441def2139698a5cddde82b41584e30a00a25bda03dcda0fe2",
            "43f89b3109a23250c21ca5022cf05a2713a725a67cd4fdc4b4e1db7a5100f674",
            "e7a6537aea8c372673f8b07333aecf857f703c3fdd52f791c1232e5c453321f7"};

    @Autowired
    private LoggingSystem logging;

    @Test
    void aBulkSyncPostedWithoutAKeyIs401AndStartsNothing() {
        UUID job = UUID.randomUUID();
        try (TopicProbe bulkCommands = watch(Topics.BULK_COMMANDS);
             TopicProbe bulkLane = watch(Topics.SYNC_REQUESTS_BULK)) {
            var response = post(BULK_SYNCS, null, job);

            assertProblem(response, 401, "API_KEY_MISSING");
            assertThat(json(response).get("detail").asString()).contains("send an API key in X-API-Key");
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValue("ApiKey realm=\"trackgeek\", header=\"X-API-Key\"");
            assertThat(bulkCommands.drain(Duration.ofMillis(500))).as("no bulk command").isEmpty();
            assertThat(bulkLane.drain(Duration.ofMillis(100))).as("no item sync").isEmpty();
        }
        assertNoJob(job);
    }

    @Test
    void aBulkSyncPostedWithAnUnknownKeyIs401AndStartsNothing() {
        try (TopicProbe bulkCommands = watch(Topics.BULK_COMMANDS)) {
            var response = post(BULK_SYNCS, "not-a-key-anyone-configured");

            assertProblem(response, 401, "API_KEY_INVALID");
            assertThat(json(response).get("detail").asString()).contains("send an API key in X-API-Key")
                    .doesNotContain("not-a-key-anyone-configured");
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(bulkCommands.drain(Duration.ofMillis(500))).as("no bulk command").isEmpty();
        }
    }

    @Test
    void aBulkSyncPostedWithAKeyLackingTheScopeIs403NamingTheScopeAndStartsNothing() {
        UUID job = UUID.randomUUID();
        try (TopicProbe bulkCommands = watch(Topics.BULK_COMMANDS)) {
            var response = post(BULK_SYNCS, REFRESH_KEY, job);

            assertProblem(response, 403, "API_KEY_SCOPE_MISSING");
            assertThat(json(response).get("detail").asString()).contains("bulk-syncs:write").contains("'refresher'");
            assertThat(bulkCommands.drain(Duration.ofMillis(500))).as("no bulk command").isEmpty();
        }
        assertNoJob(job);
    }

    @ParameterizedTest
    @ValueSource(strings = {BULK_SYNCS, BULK_SYNCS + "/0b7c4e2a-8d4f-4d6e-9a51-2f3c1b0e7d11/cancel",
            BULK_SYNCS + "/0b7c4e2a-8d4f-4d6e-9a51-2f3c1b0e7d11/retry-failed"})
    void everyBulkSyncWriteNeedsTheBulkScope(String path) {
        assertProblem(post(path, null), 401, "API_KEY_MISSING");
        assertProblem(post(path, REFRESH_KEY), 403, "API_KEY_SCOPE_MISSING");
        assertPassedSecurity(post(path, BULK_KEY));
    }

    @Test
    void aRefreshNeedsTheRefreshScope() {
        String path = itemPath(newAnimeKey()) + "/refresh";

        assertProblem(post(path, null), 401, "API_KEY_MISSING");
        var withoutScope = post(path, BULK_KEY);
        assertProblem(withoutScope, 403, "API_KEY_SCOPE_MISSING");
        assertThat(json(withoutScope).get("detail").asString()).contains("items:refresh");
        assertPassedSecurity(post(path, REFRESH_KEY));
    }

    @Test
    void aKeyWithTheScopeStartsTheBulkSync() {
        assertThat(post(BULK_SYNCS, BULK_KEY).statusCode()).isEqualTo(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void anyWriteUnderTheApiNeedsAKnownKeyBeforeRouting(String method) {
        String path = itemPath(newAnimeKey());
        var anonymous = send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
        assertProblem(anonymous, 401, "API_KEY_MISSING");

        var withAKey = send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", REFRESH_KEY)
                .method(method, HttpRequest.BodyPublishers.noBody()));
        assertProblem(withAKey, 405, "INVALID_REQUEST");
    }

    @Test
    void aKeyPastItsWriteLimitIs429WithRetryAfterAndStartsNothing() {
        // The request the key may not make does not count: refused before the limit is consulted.
        assertProblem(post(itemPath(newAnimeKey()) + "/refresh", HASTY_KEY), 403, "API_KEY_SCOPE_MISSING");
        assertPassedSecurity(post(BULK_SYNCS, HASTY_KEY));

        try (TopicProbe bulkCommands = watch(Topics.BULK_COMMANDS)) {
            var response = post(BULK_SYNCS, HASTY_KEY);

            assertProblem(response, 429, "TOO_MANY_REQUESTS");
            assertThat(json(response).get("detail").asString()).contains("'hasty'").contains("1 per 60 s");
            assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
            assertThat(bulkCommands.drain(Duration.ofMillis(500))).as("no bulk command").isEmpty();
        }
        assertThat(post(BULK_SYNCS, BULK_KEY).statusCode()).as("other keys are not limited by it").isEqualTo(202);
    }

    @Test
    void readsStayOpen() {
        assertProblem(get("/api/v1/sync-requests/" + UUID.randomUUID()), 404, "SYNC_REQUEST_NOT_FOUND");
        assertThat(get("/api/v1/anime/search").statusCode()).isNotIn(401, 403);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void anOpenReadWithAnUnknownKeyIsAnsweredLikeAnyOpenRead() {
        var response = send(HttpRequest.newBuilder(uri("/api/v1/sync-requests/" + UUID.randomUUID()))
                .header("X-API-Key", "a-mistyped-key"));

        assertProblem(response, 404, "SYNC_REQUEST_NOT_FOUND");
    }

    @Test
    void theOpenApiDescriptionDeclaresTheApiKeyScheme() {
        var scheme = json(get("/v3/api-docs")).get("components").get("securitySchemes").get(ApiKeyOpenApi.SCHEME);

        assertThat(scheme.get("type").asString()).isEqualTo("apiKey");
        assertThat(scheme.get("in").asString()).isEqualTo("header");
        assertThat(scheme.get("name").asString()).isEqualTo("X-API-Key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/actuator/configprops"})
    void theOtherActuatorEndpointsNeedTheOperationsScope(String path) {
        assertProblem(get(path), 401, "API_KEY_MISSING");
        assertProblem(send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", "a-mistyped-key")), 401,
                "API_KEY_INVALID");
        assertProblem(send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", BULK_KEY)), 403,
                "API_KEY_SCOPE_MISSING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/actuator/configprops"})
    void theKeysHashesAreMaskedInTheActuatorEvenWhereValuesAreShown(String path) {
        var response = send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", OPERATOR_KEY));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).as("values are shown").contains("bulk-operator");
        for (String hash : HASHES) {
            assertThat(response.body()).doesNotContain(hash);
        }
    }

    @Test
    void keysAndHashesNeverReachTheLogs(CapturedOutput output) {
        logging.setLogLevel("org.springframework.security", LogLevel.TRACE);
        logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
        try {
            post(BULK_SYNCS, BULK_KEY);
            post(BULK_SYNCS, REFRESH_KEY);
            post(BULK_SYNCS, "an-unknown-key-7d1e");
            send(HttpRequest.newBuilder(uri("/actuator/env")).header("X-API-Key", OPERATOR_KEY));
        } finally {
            logging.setLogLevel("org.springframework.security", null);
            logging.setLogLevel("org.springframework.web", null);
        }

        assertThat(output.getOut()).as("the requests were logged").contains("bulk-syncs");
        assertThat(output.getAll()).doesNotContain(BULK_KEY).doesNotContain(REFRESH_KEY)
                .doesNotContain(OPERATOR_KEY).doesNotContain("an-unknown-key-7d1e");
        for (String hash : HASHES) {
            assertThat(output.getAll()).doesNotContain(hash);
        }
    }

    /** A valid bulk sync of its own id, so that each is a new job where the route starts one. */
    private HttpResponse<String> post(String path, String key) {
        return post(path, key, UUID.randomUUID());
    }

    private HttpResponse<String> post(String path, String key, UUID job) {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id": "%s", "selector": {"kind": "IDS", "type": "ANIME", "ids": [1, 5114]}}""".formatted(job)));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return send(request);
    }

    private static TopicProbe watch(String topic) {
        return TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), topic);
    }

    private void assertNoJob(UUID job) {
        assertThat(jdbc.sql("select count(*) from bulk_job where id = :id").param("id", job).query(Long.class).single())
                .as("no job recorded").isZero();
    }

    /**
     * Past security the route answers: a bulk sync starts (202), an unknown job is not found (404), a write no
     * controller takes yet (refresh) is routed to nothing (404 or 405).
     */
    private void assertPassedSecurity(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(202, 404, 405);
        if (response.statusCode() != 202) {
            assertThat(json(response).get("code").asString()).isIn("BULK_JOB_NOT_FOUND", "INVALID_REQUEST",
                    "ANIME_NOT_FOUND");
        }
    }
}
