package com.trackgeek.api.media;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.CatalogFixtures;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.servicekit.items.CatalogJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StoredItemReadTest extends ApiIntegrationTest {

    private static final List<String> METADATA = List.of("lastRefreshedAt", "createdAt", "updatedAt", "sync");

    @Test
    void aStoredAnimeIsItsCatalogRecordFollowedByRowTimesAndSyncState() {
        MediaKey key = newAnimeKey();
        var anime = CatalogFixtures.anime(key.id(), "Fullmetal Alchemist: Brotherhood");
        worker().store(anime, UUID.randomUUID());

        var response = get(itemPath(key));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertIsRecordThenMetadata(body, anime);
        assertThat(body.get("malId").asLong()).isEqualTo(key.id());
        assertThat(body.get("numberOfEpisodes").asInt()).isEqualTo(64);
        assertThat(body.get("score").decimalValue()).isEqualByComparingTo("9.1");
        assertThat(body.get("aired").get("from").asString()).isEqualTo("2009-04-05T00:00:00Z");
        assertThat(body.get("titles").get(5).get("title").asString()).isEqualTo("鋼の錬金術師 FULLMETAL ALCHEMIST");
        assertThat(body.get("broadcast").get("timezone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(body.get("characters").get(0).get("voiceActors").get(0).get("person").get("name").asString())
                .isEqualTo("Papenbrook, Bryce");
        assertThat(body.get("videos").isNull()).as("absent values are shown as null").isTrue();
        assertThat(body.get("sync").get("status").asString()).isEqualTo("pending_embeddings");
        assertThat(body.get("sync").get("lastSyncedAt").asString()).isNotBlank();
    }

    @Test
    void aStoredMangaIsReadTheSameWay() {
        MediaKey key = newKey(MediaType.MANGA);
        var manga = CatalogFixtures.manga(key.id(), "Fullmetal Alchemist");
        worker().store(manga, UUID.randomUUID());

        var response = get(itemPath(key));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertIsRecordThenMetadata(body, manga);
        assertThat(body.get("chapters").asInt()).isEqualTo(116);
        assertThat(body.get("authors").get(0).get("name").asString()).isEqualTo("Arakawa, Hiromu");
        assertThat(body.get("relations").get(0).get("entries").get(1).get("malId").asLong()).isEqualTo(5114);
    }

    @Test
    void theSecondReadIsServedFromMemory() {
        MediaKey key = newAnimeKey();
        worker().storeItem(key, "Mushishi", UUID.randomUUID());
        assertThat(get(itemPath(key)).statusCode()).isEqualTo(200);
        double cacheHits = fetchCount("cache_hit");

        items.upsert(CatalogFixtures.anime(key.id(), "Changed behind the API's back, without an event"));
        var again = get(itemPath(key));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("title").asString()).isEqualTo("Mushishi");
        assertThat(fetchCount("cache_hit")).isEqualTo(cacheHits + 1);
        assertThat(syncRequestCount(key)).as("nothing was fetched").isZero();
    }

    @Test
    void aSyncEventAboutTheItemEvictsItFromMemory() {
        MediaKey key = newAnimeKey();
        FakeSyncWorker worker = worker();
        UUID requestId = UUID.randomUUID();
        worker.storeItem(key, "Old title", requestId);
        assertThat(json(get(itemPath(key))).get("title").asString()).isEqualTo("Old title");

        worker.storeItem(key, "New title", requestId);
        assertThat(json(get(itemPath(key))).get("title").asString()).as("still cached").isEqualTo("Old title");

        worker.publishSynced(requestId, key);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(json(get(itemPath(key))).get("title").asString()).isEqualTo("New title"));
    }

    /** Exactly the record's JSON in the catalog's format, then the API's fields: nothing renamed, lost or added. */
    private void assertIsRecordThenMetadata(JsonNode body, CatalogItem item) {
        JsonNode record = json.readTree(CatalogJson.write(item));
        List<String> expectedOrder = new ArrayList<>(record.propertyNames());
        expectedOrder.addAll(METADATA);
        assertThat(body.propertyNames()).containsExactlyElementsOf(expectedOrder);
        record.propertyNames().forEach(field ->
                assertThat(body.get(field)).as(field).isEqualTo(record.get(field)));
        assertThat(body.get("lastRefreshedAt").asString()).isNotBlank();
        assertThat(body.get("createdAt").asString()).isNotBlank();
        assertThat(body.get("updatedAt").asString()).isNotBlank();
    }
}
