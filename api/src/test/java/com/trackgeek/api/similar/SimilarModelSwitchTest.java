package com.trackgeek.api.similar;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.trackgeek.api.similar.SimilarTitlesTest.keys;
import static com.trackgeek.api.similar.SimilarTitlesTest.similarPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two models stored side by side (a re-embedding in progress): one answers at a time, never both in one answer;
 * the new one takes over exactly when it covers the catalog, or when the operator pins it.
 */
class SimilarModelSwitchTest extends ApiIntegrationTest {

    private static final String NEXT = "test-similar-next:64";

    @Autowired
    private IndexRefresher refresher;

    private StoredCatalog catalog;
    private MediaKey asked;
    private MediaKey closeByTheOld;
    private MediaKey closeByTheNew;

    /** By the old model the asked item is nearest to one item, by the new model to another. */
    @BeforeEach
    void storeTwoViews() {
        catalog = new StoredCatalog(jdbc);
        float[] direction = catalog.direction();
        float[] away = catalog.direction();
        asked = newKey(MediaType.ANIME);
        closeByTheOld = newKey(MediaType.ANIME);
        closeByTheNew = newKey(MediaType.ANIME);
        catalog.item(asked, "Qzsim");
        catalog.item(closeByTheOld, "Qzsim: Shippuuden");
        catalog.item(closeByTheNew, "Qzsim Next");
        catalog.vector(asked, StoredCatalog.MODEL, direction);
        catalog.vector(closeByTheOld, StoredCatalog.MODEL, StoredCatalog.towards(direction, away, 0.1));
        catalog.vector(closeByTheNew, StoredCatalog.MODEL, StoredCatalog.towards(direction, away, 0.6));
        refresher.catchUp();
        assertThat(answer().get("model").asString()).isEqualTo(StoredCatalog.MODEL);
    }

    @AfterEach
    void removeTheNewModel() {
        jdbc.sql("delete from similar_model_choice").update();
        catalog.deleteModel(NEXT);
        refresher.catchUp();
    }

    @Test
    void theNewModelAnswersExactlyWhenItCoversEveryItemTheOldOneHas() {
        float[] direction = catalog.direction();
        float[] away = catalog.direction();
        catalog.vector(asked, NEXT, direction);
        catalog.vector(closeByTheNew, NEXT, StoredCatalog.towards(direction, away, 0.1));
        // Every other item of the old model (this and other tests', earlier runs' too) but one.
        jdbc.sql("""
                        insert into item_embedding (media_type, provider_id, model, dimensions, embedding, content_hash)
                        select media_type, provider_id, :next, dimensions, embedding, content_hash from item_embedding
                         where model = :old and not (media_type = :type and provider_id = :id)
                        on conflict do nothing""")
                .param("next", NEXT).param("old", StoredCatalog.MODEL)
                .param("type", closeByTheOld.type().name()).param("id", closeByTheOld.id())
                .update();
        refresher.catchUp();

        JsonNode before = answer();
        assertThat(before.get("model").asString()).as("one item short of the catalog").isEqualTo(StoredCatalog.MODEL);
        assertThat(keys(before).getFirst()).isEqualTo(closeByTheOld);

        catalog.vector(closeByTheOld, NEXT, StoredCatalog.towards(direction, away, 0.6));
        refresher.catchUp();

        JsonNode after = answer();
        assertThat(after.get("model").asString()).isEqualTo(NEXT);
        assertThat(keys(after)).containsExactly(closeByTheNew, closeByTheOld);
        JsonNode model = json(get(SimilarModelController.MODEL_PATH));
        assertThat(model.get("model").asString()).isEqualTo(NEXT);
        assertThat(model.get("why").asString()).isEqualTo("covers-catalog");
        assertThat(model.get("models").findValuesAsString("model")).contains(StoredCatalog.MODEL, NEXT);
    }

    @Test
    void theOperatorPinsAModelAndUnpinsIt() {
        float[] direction = catalog.direction();
        float[] away = catalog.direction();
        catalog.vector(asked, NEXT, direction);
        catalog.vector(closeByTheNew, NEXT, StoredCatalog.towards(direction, away, 0.1));
        refresher.catchUp();
        assertThat(answer().get("model").asString()).as("the new model lacks an item").isEqualTo(StoredCatalog.MODEL);

        var pinned = pin(SIMILAR_KEY, "{\"model\":\"" + NEXT + "\"}");
        assertThat(pinned.statusCode()).as(pinned.body()).isEqualTo(200);
        assertThat(json(pinned).get("model").asString()).isEqualTo(NEXT);
        assertThat(json(pinned).get("why").asString()).isEqualTo("pinned");
        assertThat(json(pinned).get("pinned").get("chosenBy").asString()).isEqualTo("similar-operator");
        JsonNode byTheNew = answer();
        assertThat(byTheNew.get("model").asString()).isEqualTo(NEXT);
        assertThat(keys(byTheNew)).as("an item without a vector of the pinned model is not answered")
                .containsExactly(closeByTheNew);

        var unpinned = send(HttpRequest.newBuilder(uri(SimilarModelController.MODEL_PATH)).DELETE()
                .header("X-API-Key", SIMILAR_KEY));
        assertThat(unpinned.statusCode()).as(unpinned.body()).isEqualTo(200);
        JsonNode byTheOld = answer();
        assertThat(byTheOld.get("model").asString()).isEqualTo(StoredCatalog.MODEL);
        assertThat(keys(byTheOld).getFirst()).isEqualTo(closeByTheOld);
    }

    @Test
    void pinningNeedsTheScopeAndAModelWithVectors() {
        assertProblem(pin(null, "{\"model\":\"" + StoredCatalog.MODEL + "\"}"), 401, "API_KEY_MISSING");
        assertProblem(pin(BULK_KEY, "{\"model\":\"" + StoredCatalog.MODEL + "\"}"), 403, "API_KEY_SCOPE_MISSING");
        assertProblem(send(HttpRequest.newBuilder(uri(SimilarModelController.MODEL_PATH)).DELETE()), 401,
                "API_KEY_MISSING");
        assertProblem(pin(SIMILAR_KEY, "{\"model\":\"no-such-model\"}"), 404, "EMBEDDING_MODEL_NOT_FOUND");
        assertProblem(pin(SIMILAR_KEY, "{}"), 400, "INVALID_PARAMETER");
        assertThat(json(get(SimilarModelController.MODEL_PATH)).get("pinned").isNull()).isTrue();
    }

    private JsonNode answer() {
        var response = get(similarPath(asked) + "?limit=2");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private HttpResponse<String> pin(String key, String body) {
        var request = HttpRequest.newBuilder(uri(SimilarModelController.MODEL_PATH))
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return send(request);
    }

}
