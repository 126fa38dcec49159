package com.trackgeek.api.similar;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.SecondInstance;
import com.trackgeek.contracts.ItemEmbedded;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/{type}/{id}/similar}: the nearest stored items by one model's vectors, best first, with their
 * cosine similarity; kept current by embedding events, a periodic catch-up, and a rebuild at start.
 */
class SimilarTitlesTest extends ApiIntegrationTest {

    @Autowired
    private IndexRefresher refresher;

    private StoredCatalog catalog;
    private float[] direction;
    private float[] away;
    private MediaKey asked;
    private MediaKey near;
    private MediaKey middle;
    private MediaKey far;
    private MediaKey manga;

    /** An anime with three anime around it at growing distances, and a manga closer than any of them. */
    @BeforeEach
    void storeANeighbourhood() {
        catalog = new StoredCatalog(jdbc);
        direction = catalog.direction();
        away = catalog.direction();
        asked = stored(MediaType.ANIME, "Qzsim", direction);
        near = stored(MediaType.ANIME, "Qzsim: Shippuuden", StoredCatalog.towards(direction, away, 0.2));
        middle = stored(MediaType.ANIME, "Qzsim Next", StoredCatalog.towards(direction, away, 0.5));
        far = stored(MediaType.ANIME, "Qzsim Far", StoredCatalog.towards(direction, away, 1.0));
        manga = stored(MediaType.MANGA, "Qzsim (manga)", StoredCatalog.towards(direction, away, 0.1));
        refresher.catchUp();
    }

    @Test
    void answersTheNearestItemsOfTheSameTypeBestFirstWithTheirCosineSimilarity() {
        var response = get(similarPath(asked) + "?limit=3");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("item").get("type").asString()).isEqualTo("anime");
        assertThat(body.get("item").get("id").asLong()).isEqualTo(asked.id());
        assertThat(body.get("item").get("title").asString()).isEqualTo("Qzsim");
        assertThat(body.get("item").get("link").asString()).isEqualTo(itemPath(asked));
        assertThat(body.get("model").asString()).isEqualTo(StoredCatalog.MODEL);
        assertThat(body.get("status").asString()).isEqualTo("ready");
        assertThat(keys(body)).containsExactly(near, middle, far);
        JsonNode first = body.get("similar").get(0);
        assertThat(first.get("title").asString()).isEqualTo("Qzsim: Shippuuden");
        assertThat(first.get("link").asString()).isEqualTo(itemPath(near));
        assertThat(first.get("score").asDouble()).isCloseTo(
                StoredCatalog.cosine(direction, StoredCatalog.towards(direction, away, 0.2)), within(0.0001));
        assertThat(meters.find("trackgeek.similar.requests").tag("outcome", "ready").timer().count()).isPositive();
    }

    @Test
    void otherTypesOnRequest() {
        assertThat(keys(json(get(similarPath(asked) + "?limit=1&types=manga")))).containsExactly(manga);
        assertThat(keys(json(get(similarPath(asked) + "?limit=2&types=anime,manga")))).containsExactly(manga, near);
        assertThat(keys(json(get(similarPath(manga) + "?limit=1")))).as("a manga's own type")
                .doesNotContain(asked, near, middle, far);
    }

    @Test
    void anItemWithoutAVectorAnswersNoVectorYetAndAppearsInNoAnswer() {
        MediaKey pending = newKey(MediaType.ANIME);
        catalog.item(pending, "Qzsim: Pending");

        JsonNode body = json(get(similarPath(pending)));
        assertThat(body.get("status").asString()).isEqualTo("no-vector-yet");
        assertThat(body.get("model").asString()).isEqualTo(StoredCatalog.MODEL);
        assertThat(body.get("similar").isEmpty()).isTrue();
        assertThat(keys(json(get(similarPath(asked) + "?limit=100&types=anime,manga,movie,tv,game,book"))))
                .contains(near).doesNotContain(pending);
    }

    @Test
    void anItemDeletedFromTheCatalogIsNoLongerAnswered() {
        catalog.delete(middle);

        assertThat(keys(json(get(similarPath(asked) + "?limit=3")))).startsWith(near, far).doesNotContain(middle);
    }

    @Test
    void anUnknownItemIsNotFound() {
        assertProblem(get(similarPath(newKey(MediaType.ANIME))), 404, "ANIME_NOT_FOUND");
        assertProblem(get(similarPath(newKey(MediaType.TV_SHOW))), 404, "TV_SHOW_NOT_FOUND");
    }

    @Test
    void badParametersAreTheCallersMistake() {
        for (String query : List.of("limit=0", "limit=101", "limit=abc", "limit=", "types=cartoon", "types=anime,",
                "types=ANIME")) {
            assertProblem(get(similarPath(asked) + "?" + query), 400, "INVALID_PARAMETER");
        }
        assertProblem(get("/api/v1/anime/abc/similar"), 400, "INVALID_PARAMETER");
    }

    @Test
    void anEmbeddingEventMakesItsItemAppearAtOnce() throws Exception {
        awaitEmbeddingEventsFlowing();
        MediaKey fresh = newKey(MediaType.ANIME);
        catalog.item(fresh, "Qzsim: The Last");
        // Stored with an old time: the catch-up (which looks from its newest vector less an overlap) skips it, so
        // only the event can bring it in.
        Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
        catalog.vector(fresh, StoredCatalog.MODEL, StoredCatalog.towards(direction, away, 0.05), longAgo);
        kafka.send(Topics.EMBEDDING_EVENTS, fresh.toString(),
                ItemEmbedded.of(UUID.randomUUID(), fresh, StoredCatalog.MODEL, StoredCatalog.DIMENSIONS, longAgo)).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(keys(json(get(similarPath(asked) + "?limit=1")))).containsExactly(fresh));
    }

    @Test
    void theCatchUpFindsAVectorStoredWithoutAnEvent() {
        MediaKey quiet = newKey(MediaType.ANIME);
        catalog.item(quiet, "Qzsim: Quiet");
        catalog.vector(quiet, StoredCatalog.MODEL, StoredCatalog.towards(direction, away, 0.05));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(keys(json(get(similarPath(asked) + "?limit=1")))).containsExactly(quiet));
    }

    @Test
    void anotherInstanceRebuildsItsIndexFromPostgresqlAtStart() {
        try (SecondInstance second = SecondInstance.start()) {
            var response = send(HttpRequest.newBuilder(second.uri(similarPath(asked) + "?limit=3")).GET());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(keys(json(response))).containsExactly(near, middle, far);
        }
    }

    @Test
    void theApiDescriptionDocumentsTheRoutes() {
        JsonNode paths = json(get("/v3/api-docs")).get("paths");

        JsonNode similar = paths.get("/api/v1/{type}/{id}/similar").get("get");
        assertThat(similar.get("responses").get("200").get("content").get("application/json").get("examples")
                .get("ready").get("value").toString()).contains("Naruto: Shippuuden");
        assertThat(paths.get("/api/v1/similar/model").has("put")).isTrue();
    }

    private void awaitEmbeddingEventsFlowing() {
        MediaKey probe = MediaKey.of(MediaType.ANIME, 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            double before = embeddingEvents();
            kafka.send(Topics.EMBEDDING_EVENTS, probe.toString(),
                    ItemEmbedded.of(UUID.randomUUID(), probe, "probe-model", 1, Instant.now())).get();
            Thread.sleep(300);
            return embeddingEvents() > before;
        });
    }

    private double embeddingEvents() {
        return meters.find("trackgeek.similar.events").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private MediaKey stored(MediaType type, String title, float[] vector) {
        MediaKey key = newKey(type);
        catalog.item(key, title);
        catalog.vector(key, StoredCatalog.MODEL, vector);
        return key;
    }

    static String similarPath(MediaKey key) {
        return itemPath(key) + "/similar";
    }

    static List<MediaKey> keys(JsonNode body) {
        List<MediaKey> keys = new ArrayList<>();
        body.get("similar").forEach(item -> keys.add(MediaKey.of(
                MediaType.fromPathSegment(item.get("type").asString()).orElseThrow(), item.get("id").asLong())));
        return keys;
    }
}
