package com.trackgeek.pipeline;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Similar titles as a user gets them: the real fixture items (but those other tests of the shared pipeline need
 * unstored) fetched through the API, embedded by the embedding
 * worker with the default model, announced to the API's index by the worker's events, and answered by
 * {@code GET /api/v1/{type}/{id}/similar}.
 */
class SimilarTitlesThroughThePipelineTest {

    private final Pipeline pipeline = Pipeline.get();

    @Test
    void amongTheFixtureTitlesEachNarutoEntrysNearestNeighbourIsAnotherNarutoEntry() {
        List<String> keys = FixtureItems.storeAllBut(pipeline, FixtureItems.LEFT_TO_OTHER_TESTS);
        String model = pipeline.embeddingModel();
        await("a vector of every fixture item").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> EmbeddedItems.count(model, keys), count -> count == keys.size());
        List<EmbeddedItem> naruto = EmbeddedItems.of(model, keys).stream()
                .filter(item -> item.title().contains("Naruto")).toList();
        assertThat(naruto).as("the Naruto search's entries").hasSizeGreaterThanOrEqualTo(10);

        List<String> misses = new ArrayList<>();
        for (EmbeddedItem entry : naruto) {
            JsonNode answer = similar(entry.key(), keys.size());
            assertThat(answer.path("model").asString()).isEqualTo(model);
            JsonNode nearest = answer.path("similar").path(0);
            if (!nearest.path("title").asString().contains("Naruto")) {
                misses.add(entry.title() + " -> " + nearest.path("title").asString());
            }
        }
        assertThat(misses).as("Naruto entries whose nearest neighbour is not a Naruto entry").isEmpty();
    }

    @Test
    void anAnswerIsOneModelsBestFirstWithoutTheItemItself() {
        List<String> keys = FixtureItems.storeAllBut(pipeline, FixtureItems.LEFT_TO_OTHER_TESTS);
        String model = pipeline.embeddingModel();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> EmbeddedItems.count(model, keys), count -> count == keys.size());

        JsonNode answer = similar("ANIME:20", keys.size());

        assertThat(answer.path("item").path("title").asString()).isEqualTo("Naruto");
        List<Double> scores = new ArrayList<>();
        answer.path("similar").forEach(neighbour -> {
            assertThat(neighbour.path("type").asString() + ":" + neighbour.path("id").asLong()).isNotEqualTo("anime:20");
            assertThat(neighbour.path("type").asString()).isIn("anime", "manga");
            scores.add(neighbour.path("score").asDouble());
        });
        assertThat(scores).hasSize(10).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(scores).allSatisfy(score -> assertThat(score).isBetween(-1.0, 1.0));
    }

    /**
     * The item's answer across anime and manga, once the API's index holds at least {@code indexed} vectors of the
     * model (the fixture items; other tests of the shared pipeline may have stored more).
     */
    private JsonNode similar(String key, int indexed) {
        String[] parts = key.split(":");
        String path = "/api/v1/" + parts[0].toLowerCase(Locale.ROOT) + "/" + parts[1] + "/similar?limit=10&types=anime,manga";
        await("a ready answer").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> ApiCalls.get(pipeline.apiUrl(), path), answer -> answer.status() == 200
                        && answer.body().path("status").asString().equals("ready")
                        && answer.body().path("similar").size() == 10);
        await("the API's index holds the fixture items").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> indexedVectors(pipeline.embeddingModel()), count -> count >= indexed);
        return ApiCalls.get(pipeline.apiUrl(), path).body();
    }

    /** The vectors of {@code model} in the API instance's index, as its model endpoint reports them. */
    private long indexedVectors(String model) {
        for (JsonNode stored : ApiCalls.get(pipeline.apiUrl(), "/api/v1/similar/model").body().path("models")) {
            if (stored.path("model").asString().equals(model)) {
                return stored.path("indexed").asLong();
            }
        }
        return 0;
    }
}
