package com.trackgeek.api.problem;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error, ours or the framework's, is an RFC 9457 problem with a stable code; none is a 500. */
class ProblemDetailsTest extends ApiIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-5", "1.5", "1e3", "99999999999999999999", "%20"})
    void aMalformedItemIdIs400(String id) {
        assertProblem(get("/api/v1/anime/" + id), 400, "INVALID_PARAMETER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"banana", "-1", "PT-5S", "P", "5s", "1.2345"})
    void aMalformedWaitIs400(String wait) {
        assertProblem(get("/api/v1/anime/" + newAnimeKey().id() + "?wait=" + wait), 400, "INVALID_PARAMETER");
    }

    @Test
    void aMediaTypeNotServedIs503BeforeAnythingIsPublished() {
        MediaType type = MediaType.BOOK; // left out of the test deployment's trackgeek.api.media-types
        MediaKey key = newKey(type);
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            var response = get(itemPath(key) + "?wait=PT5S");

            assertProblem(response, 503, "MEDIA_TYPE_NOT_SUPPORTED");
            assertThat(json(response).get("detail").asString()).contains(type.pathSegment());
            assertThat(commands.drain(Duration.ofMillis(500))).as("no command for any item").isEmpty();
        }
        assertThat(syncRequestCount(key)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/anime", "/api/v1/podcast/1", "/api/v1/anime/1/extra", "/nothing-here"})
    void anUnknownPathIs404(String path) {
        assertProblem(get(path), 404, "INVALID_REQUEST");
    }

    @Test
    void aWrongMethodIs405() {
        // A write needs a key before routing (ApiKeySecurityTest): with one, the wrong method is what is left to say.
        var response = send(HttpRequest.newBuilder(uri("/api/v1/anime/5114")).header("X-API-Key", BULK_KEY).DELETE());
        assertProblem(response, 405, "INVALID_REQUEST");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void anUnacceptableMediaTypeIs406() {
        var key = newAnimeKey();
        worker().storeItem(key, "Haibane Renmei", java.util.UUID.randomUUID());
        assertThat(get(itemPath(key)).statusCode()).as("now in memory").isEqualTo(200);
        var response = send(HttpRequest.newBuilder(uri(itemPath(key))).header("Accept", "application/xml"));
        assertProblem(response, 406, "INVALID_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-2-3-4-5", "123"})
    void aMalformedSyncRequestIdIs400(String id) {
        assertProblem(get("/api/v1/sync-requests/" + id), 400, "INVALID_PARAMETER");
    }

    @Test
    void theErrorPageItselfIsAProblem() {
        assertProblem(get("/error"), 404, "INVALID_REQUEST");
    }

    @Test
    void aProblemNamesTheRequestItIsAbout() {
        var body = json(get("/api/v1/anime/abc"));
        assertThat(body.get("instance").asString()).isEqualTo("/api/v1/anime/abc");
        assertThat(body.get("title").asString()).isEqualTo("Bad Request");
        assertThat(body.get("detail").asString()).contains("positive integer");
    }
}
