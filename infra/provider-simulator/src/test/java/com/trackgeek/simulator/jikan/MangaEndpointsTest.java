package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.JsonShape;
import com.trackgeek.simulator.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@SimulatorTest
class MangaEndpointsTest {

    private static final JsonNode FMA_FULL = Fixtures.read("jikan/manga-25-fma-full-constructed.json");
    private static final JsonNode FMA_PLAIN = Fixtures.read("jikan/manga-25-fullmetal-alchemist.json");
    private static final JsonNode JJK_SEARCH = Fixtures.read("jikan/search-manga-q-jujutsu-kaisen.json");
    private static final JsonNode SAO_CHARACTERS = Fixtures.read("jikan/anime-11757-sao-characters.json");
    private static final JsonNode NOT_FOUND = Fixtures.read("jikan/error-404-anime-not-found.json");

    private final JikanClient jikan;

    @Autowired
    MangaEndpointsTest(MockMvcTester mvc, JsonMapper jsonMapper) {
        this.jikan = new JikanClient(mvc, jsonMapper);
    }

    @Test
    void fullBodyOfTheRecordedMangaIsItsFullFixture() {
        JsonNode body = jikan.getOk("/manga/25/full");

        assertThat(body.at("/data/title").asString()).isEqualTo("Fullmetal Alchemist");
        assertThat(body).isEqualTo(FMA_FULL);
    }

    @Test
    void plainBodyOfTheRecordedMangaIsItsRecordedPlainBody() {
        JsonNode body = jikan.getOk("/manga/25");

        assertThat(body).isEqualTo(FMA_PLAIN);
        assertThat(body.get("data").propertyNames()).doesNotContainAnyElementsOf(MangaShape.FULL_ONLY_KEYS);
    }

    @Test
    void mangaRecordedOnlyInASearchIsServedById() {
        JsonNode recorded = JJK_SEARCH.at("/data/0");

        JsonNode plain = jikan.getOk("/manga/113138").get("data");
        JsonNode full = jikan.getOk("/manga/113138/full").get("data");

        assertThat(plain).isEqualTo(recorded);
        assertThat(full.get("title").asString()).isEqualTo("Jujutsu Kaisen");
        // /full's extra keys, empty: the search did not record them.
        assertThat(full.get("relations").isArray()).isTrue();
        assertThat(full.get("relations").isEmpty()).isTrue();
        assertThat(full.get("external").isEmpty()).isTrue();
        JsonShape.assertSameShape(FMA_FULL.get("data"), full);
    }

    @Test
    void unknownIdGetsADeterministicSynthesisedBody() {
        JsonNode first = jikan.getOk("/manga/4242/full");
        JsonNode second = jikan.getOk("/manga/4242/full");

        assertThat(second).isEqualTo(first);
        JsonNode data = first.get("data");
        assertThat(data.get("mal_id").asLong()).isEqualTo(4242);
        assertThat(data.get("url").asString()).startsWith("https://myanimelist.net/manga/4242/");
        assertThat(data.get("title").asString()).isNotBlank();
        assertThat(jikan.getOk("/manga/4243/full")).isNotEqualTo(first);
        assertThat(data.get("title")).as("anime and manga with one id are different works")
                .isNotEqualTo(jikan.getOk("/anime/4242").at("/data/title"));
    }

    /** Ids from across the range, so every type and status the synthesiser draws is likely covered. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 999, 4242, 64_000, 96_001, 250_000, 1_000_000})
    void everySynthesisedBodyHasRealFullShapeAndConsistentFields(long malId) {
        JsonNode data = jikan.getOk("/manga/" + malId + "/full").get("data");

        JsonShape.assertSameShape(FMA_FULL.get("data"), data);
        assertThat(data.get("mal_id").asLong()).isEqualTo(malId);
        assertThat(data.get("publishing").asBoolean()).isEqualTo("Publishing".equals(data.get("status").asString()));
        assertThat(data.get("scored")).isEqualTo(data.get("score"));
        assertThat(data.get("title_synonyms").isArray()).isTrue();
        data.get("authors").forEach(author -> {
            assertThat(author.get("type").asString()).isEqualTo("people");
            assertThat(author.get("url").asString()).startsWith("https://myanimelist.net/people/" + author.get("mal_id").asLong() + "/");
        });
        for (String references : new String[] {"genres", "themes", "demographics"}) {
            data.get(references).forEach(genre -> assertThat(genre.get("url").asString())
                    .startsWith("https://myanimelist.net/manga/genre/" + genre.get("mal_id").asLong() + "/"));
        }
        data.get("serializations").forEach(magazine -> assertThat(magazine.get("url").asString())
                .startsWith("https://myanimelist.net/manga/magazine/"));
        if ("Not yet published".equals(data.get("status").asString())) {
            assertThat(data.get("score").isNull()).isTrue();
            assertThat(data.get("rank").isNull()).isTrue();
        }
        if ("Finished".equals(data.get("status").asString())) {
            assertThat(data.at("/published/to").isString()).as("a finished run has an end").isTrue();
        }
    }

    @Test
    void synthesisedRelationsPointAtMangaAndAnimeInTheirOwnUrls() {
        Set<String> kinds = new HashSet<>();
        for (long malId = 100; malId < 140; malId++) {
            for (JsonNode relation : jikan.getOk("/manga/" + malId + "/full").at("/data/relations")) {
                for (JsonNode entry : relation.get("entry")) {
                    String kind = entry.get("type").asString();
                    kinds.add(kind);
                    assertThat(entry.get("url").asString())
                            .startsWith("https://myanimelist.net/" + kind + "/" + entry.get("mal_id").asLong() + "/");
                }
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder("anime", "manga");
    }

    @Test
    void synthesisedPlainBodyIsTheFullBodyWithoutItsFullOnlyKeys() {
        JsonNode full = jikan.getOk("/manga/4242/full").get("data").deepCopy();
        JsonNode plain = jikan.getOk("/manga/4242").get("data");

        assertThat(plain).isEqualTo(((ObjectNode) full).remove(MangaShape.FULL_ONLY_KEYS));
        JsonShape.assertSameShape(FMA_PLAIN.get("data"), plain);
    }

    @Test
    void idsAboveTheThresholdOrBelowOneAnswerJikansNotFound() {
        for (String path : new String[] {"/manga/1000001/full", "/manga/1000001", "/manga/0", "/manga/-1/full",
                "/manga/2000000/characters", "/manga/0/characters"}) {
            JikanClient.Response response = jikan.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo(NOT_FOUND);
        }
        assertThat(jikan.get("/manga/1000000/full").status()).isEqualTo(200);
    }

    @Test
    void charactersHaveJikansMangaShapeWithoutVoiceActors() {
        JsonNode body = jikan.getOk("/manga/25/characters");

        assertThat(body.propertyNames()).containsExactly("data");
        assertThat(body.get("data")).isNotEmpty();
        for (JsonNode entry : body.get("data")) {
            assertThat(entry.propertyNames()).containsExactly("character", "role");
            assertThat(entry.get("role").asString()).isIn("Main", "Supporting");
            JsonShape.assertSameShape(SAO_CHARACTERS.at("/data/0/character"), entry.get("character"));
            assertThat(entry.at("/character/url").asString())
                    .startsWith("https://myanimelist.net/character/" + entry.at("/character/mal_id").asLong() + "/");
        }
        assertThat(jikan.getOk("/manga/25/characters")).isEqualTo(body);
        assertThat(jikan.getOk("/manga/26/characters")).isNotEqualTo(body);
    }

    @Test
    void nonNumericIdIsABadRequestInJikansErrorShape() {
        JikanClient.Response response = jikan.get("/manga/abc/full");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().propertyNames()).containsExactly("status", "type", "message", "error");
    }
}
