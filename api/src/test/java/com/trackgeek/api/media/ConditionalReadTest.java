package com.trackgeek.api.media;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.contracts.MediaKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every 200 of an item carries a strong {@code ETag} of its exact bytes; a caller that sends it back in
 * {@code If-None-Match} gets a 304 without a body (RFC 9110: also {@code *}, lists, and weak comparison),
 * whether the read is answered from memory before Spring MVC or by the controller.
 */
class ConditionalReadTest extends ApiIntegrationTest {

    // Both paths: a plain read from memory is answered by CachedItemFilter, one with a query by the controller.
    private static final String FILTER = "";
    private static final String CONTROLLER = "?wait=PT1S";

    @Test
    void a200CarriesAStrongEtagOfItsBytesWhicheverPathAnswers() {
        MediaKey key = storedItem();

        HttpResponse<String> fromDatabase = get(itemPath(key) + CONTROLLER);
        HttpResponse<String> fromMemory = get(itemPath(key) + FILTER);
        HttpResponse<String> fromMemoryByController = get(itemPath(key) + CONTROLLER);

        String etag = fromDatabase.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");
        for (HttpResponse<String> response : new HttpResponse[]{fromDatabase, fromMemory, fromMemoryByController}) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).hasValue(etag);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.body()).isEqualTo(fromDatabase.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {FILTER, CONTROLLER})
    void aMatchingTagIs304WithoutABody(String path) {
        MediaKey key = storedItem();
        String etag = etagOf(key);
        double cacheHits = fetchCount("cache_hit");

        HttpResponse<String> response = conditionalGet(itemPath(key) + path, etag);

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("ETag")).hasValue(etag);
        assertThat(fetchCount("cache_hit")).as("a 304 is a read answered from memory").isEqualTo(cacheHits + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {FILTER, CONTROLLER})
    void anyTagAListHoldingTheTagOrItsWeakFormMatchToo(String path) {
        MediaKey key = storedItem();
        String etag = etagOf(key);

        assertThat(conditionalGet(itemPath(key) + path, "*").statusCode()).isEqualTo(304);
        assertThat(conditionalGet(itemPath(key) + path, "\"other\", " + etag).statusCode()).isEqualTo(304);
        assertThat(conditionalGet(itemPath(key) + path, "\"other\",W/" + etag + " ").statusCode()).isEqualTo(304);
    }

    @ParameterizedTest
    @ValueSource(strings = {FILTER, CONTROLLER})
    void anotherTagGetsTheItem(String path) {
        MediaKey key = storedItem();
        String etag = etagOf(key);

        HttpResponse<String> response = conditionalGet(itemPath(key) + path, "\"not-" + etag.substring(1));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("malId").asLong()).isEqualTo(key.id());
        assertThat(response.headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void aChangedItemHasAnotherTagAndTheOldOneNoLongerMatches() {
        MediaKey key = newAnimeKey();
        FakeSyncWorker worker = worker();
        UUID requestId = UUID.randomUUID();
        worker.storeItem(key, "Before", requestId);
        String before = etagOf(key);

        worker.storeItem(key, "After", requestId);
        worker.publishSynced(requestId, key);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> response = conditionalGet(itemPath(key), before);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("title").asString()).isEqualTo("After");
            assertThat(response.headers().firstValue("ETag")).get().isNotEqualTo(before);
        });
    }

    @Test
    void anItemNotStoredHasNoTagToMatch() {
        HttpResponse<String> response = conditionalGet(itemPath(newAnimeKey()) + "?wait=0", "*");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("ETag")).isEmpty();
    }

    private MediaKey storedItem() {
        MediaKey key = newAnimeKey();
        worker().storeItem(key, "Kino's Journey", UUID.randomUUID());
        return key;
    }

    private String etagOf(MediaKey key) {
        HttpResponse<String> response = get(itemPath(key));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private HttpResponse<String> conditionalGet(String path, String ifNoneMatch) {
        return send(HttpRequest.newBuilder(uri(path)).header("If-None-Match", ifNoneMatch).GET());
    }
}
