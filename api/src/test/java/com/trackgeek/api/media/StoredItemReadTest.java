package com.trackgeek.api.media;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.contracts.MediaKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StoredItemReadTest extends ApiIntegrationTest {

    @Test
    void aStoredAnimeIsAnsweredWithItsFieldsAndSyncState() {
        MediaKey key = newAnimeKey();
        worker().storeAnime(key, "Fullmetal Alchemist: Brotherhood", UUID.randomUUID());

        var response = get(itemPath(key));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode anime = json(response);
        assertThat(anime.get("malId").asLong()).isEqualTo(key.id());
        assertThat(anime.get("title").asString()).isEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat(anime.get("numberOfEpisodes").asInt()).isEqualTo(64);
        assertThat(anime.get("airing").asBoolean()).isFalse();
        assertThat(anime.get("score").decimalValue()).isEqualByComparingTo("9.10");
        assertThat(anime.get("aired").get("from").asString()).isEqualTo("2009-04-05T00:00:00Z");
        assertThat(anime.get("aired").get("text").asString()).isEqualTo("Apr 5, 2009 to Jul 4, 2010");
        // jsonb columns arrive as JSON, not as strings holding JSON
        assertThat(anime.get("titles").isArray()).isTrue();
        assertThat(anime.get("titles").get(1).get("title").asString()).isEqualTo("鋼の錬金術師");
        assertThat(anime.get("genres").get(0).get("name").asString()).isEqualTo("Action");
        assertThat(anime.get("broadcast").get("timezone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(anime.get("trailer").get("youtubeId").asString()).isEqualTo("--IcmZkvL0Q");
        assertThat(anime.get("producers").isArray()).isTrue();
        assertThat(anime.get("producers")).isEmpty();
        assertThat(anime.get("theme").isNull()).isTrue();
        assertThat(anime.get("background").isNull()).isTrue();
        assertThat(anime.has("externalLinks")).isTrue();
        assertThat(anime.has("explicitGenres")).isTrue();
        assertThat(anime.get("lastRefreshedAt").asString()).isNotBlank();
        assertThat(anime.get("sync").get("status").asString()).isEqualTo("pending_embeddings");
        assertThat(anime.get("sync").get("lastSyncedAt").asString()).isNotBlank();
    }

    @Test
    void theSecondReadIsServedFromMemory() {
        MediaKey key = newAnimeKey();
        worker().storeAnime(key, "Mushishi", UUID.randomUUID());
        assertThat(get(itemPath(key)).statusCode()).isEqualTo(200);
        double cacheHits = fetchCount("cache_hit");

        deleteBehindTheApisBack(key);
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
        worker.storeAnime(key, "Old title", requestId);
        assertThat(json(get(itemPath(key))).get("title").asString()).isEqualTo("Old title");

        worker.storeAnime(key, "New title", requestId);
        assertThat(json(get(itemPath(key))).get("title").asString()).as("still cached").isEqualTo("Old title");

        worker.publishSynced(requestId, key);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(json(get(itemPath(key))).get("title").asString()).isEqualTo("New title"));
    }

    private void deleteBehindTheApisBack(MediaKey key) {
        jdbc.sql("delete from anime where mal_id = :id").param("id", key.id()).update();
        jdbc.sql("delete from sync_state where media_type = 'ANIME' and provider_id = :id").param("id", key.id()).update();
    }
}
