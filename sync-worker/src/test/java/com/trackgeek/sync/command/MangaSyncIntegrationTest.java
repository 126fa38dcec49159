package com.trackgeek.sync.command;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.SyncFailed;
import com.trackgeek.contracts.Topics;
import com.trackgeek.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static com.trackgeek.contracts.MediaType.MANGA;
import static org.assertj.core.api.Assertions.assertThat;

/** Manga from Jikan, end to end: the recorded manga 25 stored with every field the original service stored. */
class MangaSyncIntegrationTest extends AbstractWorkerIntegrationTest {

    private static final String FULLMETAL_ALCHEMIST = "jikan/manga-25-fma-full-constructed.json";

    @Test
    void aMangaIsStoredWithEveryListedFieldOfItsRecordedBody() {
        long id = recorded(MANGA, 25);
        try (var events = probe(Topics.SYNC_EVENTS)) {
            assertThat(awaitEvent(events, request(MANGA, id))).isInstanceOf(ItemSynced.class);
        }
        assertThat(calls(MANGA, id, "full")).isEqualTo(1);
        assertThat(calls(MANGA, id, "characters")).isEqualTo(1);

        JsonNode jikan = json.readTree(Fixtures.body(FULLMETAL_ALCHEMIST)).get("data");
        JsonNode manga = document(MANGA, id).orElseThrow();

        assertThat(manga.get("malId").asLong()).isEqualTo(id);
        assertThat(manga.get("url").asString()).isEqualTo("https://myanimelist.net/manga/" + id + "/Fullmetal_Alchemist");
        assertThat(manga.get("imageUrl").asString()).isEqualTo(jikan.at("/images/jpg/large_image_url").asString());
        for (String field : List.of("title", "type", "status", "synopsis", "background")) {
            assertThat(manga.get(field).asString()).as(field).isEqualTo(jikan.get(field).asString()).isNotBlank();
        }
        for (String[] field : new String[][]{{"chapters", "chapters"}, {"volumes", "volumes"}, {"rank", "rank"},
                {"popularity", "popularity"}, {"scoredBy", "scored_by"}, {"members", "members"}, {"favorites", "favorites"}}) {
            assertThat(manga.get(field[0]).asLong()).as(field[0]).isEqualTo(jikan.get(field[1]).asLong()).isPositive();
        }
        assertThat(manga.get("score").decimalValue()).isEqualByComparingTo(jikan.get("score").decimalValue());
        assertThat(manga.get("publishing").asBoolean()).isEqualTo(jikan.get("publishing").asBoolean()).isFalse();
        assertThat(Instant.parse(manga.at("/published/from").asString()))
                .isEqualTo(OffsetDateTime.parse(jikan.at("/published/from").asString()).toInstant());
        assertThat(Instant.parse(manga.at("/published/to").asString()))
                .isEqualTo(OffsetDateTime.parse(jikan.at("/published/to").asString()).toInstant());
        assertThat(manga.at("/published/text").asString()).isEqualTo(jikan.at("/published/string").asString());

        assertThat(tuples(manga.get("titles"), "type", "title")).isEqualTo(tuples(jikan.get("titles"), "type", "title")).hasSize(13);
        for (String[] list : new String[][]{{"authors", "authors"}, {"serializations", "serializations"}, {"genres", "genres"},
                {"explicitGenres", "explicit_genres"}, {"themes", "themes"}, {"demographics", "demographics"}}) {
            assertThat(tuples(manga.get(list[0]), "malId", "type", "name", "url")).as(list[0])
                    .isEqualTo(tuples(jikan.get(list[1]), "mal_id", "type", "name", "url"));
        }
        assertThat(manga.get("relations").size()).isEqualTo(jikan.get("relations").size()).isPositive();
        for (int i = 0; i < manga.get("relations").size(); i++) {
            JsonNode stored = manga.get("relations").get(i);
            JsonNode recorded = jikan.get("relations").get(i);
            assertThat(stored.get("relation").asString()).isEqualTo(recorded.get("relation").asString());
            assertThat(tuples(stored.get("entries"), "malId", "type", "name", "url"))
                    .isEqualTo(tuples(recorded.get("entry"), "mal_id", "type", "name", "url"));
        }
        assertThat(tuples(manga.get("externalLinks"), "name", "url")).isEqualTo(tuples(jikan.get("external"), "name", "url")).hasSize(2);

        assertThat(manga.get("characters").size()).as("the characters the simulated Jikan lists for it").isPositive();
        assertThat(manga.get("characters")).allSatisfy(character -> {
            assertThat(character.get("name").asString()).isNotBlank();
            assertThat(character.get("role").asString()).isIn("Main", "Supporting");
            assertThat(character.get("voiceActors").isEmpty()).isTrue();
        });

        var columns = jdbc.sql("""
                        select title, release_year, released_on::text as released_on, release_status,
                               'HagaRen' = any(alternative_titles) as searchable_by_alternative_title
                          from media_item where media_type = 'MANGA' and provider_id = :id""")
                .param("id", id).query().singleRow();
        assertThat(columns.get("title")).isEqualTo("Fullmetal Alchemist");
        assertThat(columns.get("release_year")).isEqualTo(2001);
        assertThat(columns.get("released_on")).isEqualTo("2001-07-12");
        assertThat(columns.get("release_status")).isEqualTo("Finished");
        assertThat(columns.get("searchable_by_alternative_title")).isEqualTo(true);
        assertThat(state(MANGA, id)).isEqualTo("pending_embeddings");
    }

    @Test
    void aMangaJikanDoesNotKnowFailsAsMangaNotFoundAfterOneCall() {
        long id = missingId();

        try (var events = probe(Topics.SYNC_EVENTS)) {
            var failed = (SyncFailed) awaitEvent(events, request(MANGA, id));
            assertThat(failed.code()).isEqualTo(ErrorCode.MANGA_NOT_FOUND);
        }
        assertThat(calls(MANGA, id, ".*")).isEqualTo(1);
        assertThat(state(MANGA, id)).isEqualTo("failed");
    }

    @Test
    void aMangaBodyWithWrongTypesFailsAsAnInvalidPayloadAndStoresNothing() {
        long id = newId();
        String drifted = Fixtures.body(FULLMETAL_ALCHEMIST)
                .replace("\"mal_id\":25,", "\"mal_id\":" + id + ",")
                .replace("\"chapters\":116", "\"chapters\":\"one hundred and sixteen\"");
        jikan().script().respondBody(jikanPath(MANGA, id, "full"), 200, drifted);

        try (var events = probe(Topics.SYNC_EVENTS)) {
            var failed = (SyncFailed) awaitEvent(events, request(MANGA, id));
            assertThat(failed.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
            assertThat(failed.detail()).contains("/manga/" + id + "/full", "data.chapters");
        }
        assertThat(document(MANGA, id)).isEmpty();
        assertThat(state(MANGA, id)).isEqualTo("failed");
    }

    /** The named fields of each element, as text: comparable across Jikan's and the catalog's spelling. */
    private static List<List<String>> tuples(JsonNode array, String... fields) {
        List<List<String>> tuples = new ArrayList<>();
        for (JsonNode element : array) {
            List<String> values = new ArrayList<>();
            for (String field : fields) {
                values.add(element.get(field).asString());
            }
            tuples.add(values);
        }
        return tuples;
    }
}
