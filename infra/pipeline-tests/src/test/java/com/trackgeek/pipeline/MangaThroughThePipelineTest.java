package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manga, the proof that a media type is cheap now: a catalog record, a Jikan mapper and the simulator's
 * manga, nothing else, and it goes through the pipeline like anime.
 */
class MangaThroughThePipelineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Each field the original service stored: where the fixture has it, where our document keeps it. */
    private static final Map<String, String> SCALARS = Map.ofEntries(
            Map.entry("/mal_id", "/malId"), Map.entry("/url", "/url"), Map.entry("/title", "/title"),
            Map.entry("/type", "/type"), Map.entry("/chapters", "/chapters"), Map.entry("/volumes", "/volumes"),
            Map.entry("/status", "/status"), Map.entry("/publishing", "/publishing"),
            Map.entry("/published/string", "/published/text"), Map.entry("/rank", "/rank"),
            Map.entry("/popularity", "/popularity"), Map.entry("/synopsis", "/synopsis"),
            Map.entry("/background", "/background"), Map.entry("/score", "/score"),
            Map.entry("/scored_by", "/scoredBy"), Map.entry("/members", "/members"),
            Map.entry("/favorites", "/favorites"));

    /** Lists of named entries: every name the fixture lists, in order. */
    private static final Map<String, String> NAMED_LISTS = Map.of(
            "authors", "authors", "serializations", "serializations", "genres", "genres",
            "explicit_genres", "explicitGenres", "themes", "themes", "demographics", "demographics");

    private final Pipeline pipeline = Pipeline.get();

    @Test
    void aRecordedMangaIsStoredWithEveryFieldItsProviderGave() {
        JsonNode fixture = JSON.readTree(Fixtures.body("jikan/manga-25-fma-full-constructed.json")).path("data");

        var answer = ApiCalls.get(pipeline.apiUrl(), "/api/v1/manga/25?wait=PT30S");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("title").asString()).isEqualTo("Fullmetal Alchemist");
        JsonNode stored = Database.document(MediaType.MANGA, 25);
        SCALARS.forEach((fixturePath, storedPath) -> assertThat(stored.at(storedPath).asString())
                .as("%s -> %s", fixturePath, storedPath).isEqualTo(fixture.at(fixturePath).asString()));
        NAMED_LISTS.forEach((fixtureField, storedField) -> assertThat(stored.path(storedField).findValuesAsString("name"))
                .as(fixtureField).isEqualTo(fixture.path(fixtureField).findValuesAsString("name")));
        assertThat(stored.path("titles").findValuesAsString("title")).isEqualTo(fixture.path("titles").findValuesAsString("title"));
        assertThat(instant(stored.at("/published/from"))).isEqualTo(instant(fixture.at("/published/from")));
        assertThat(instant(stored.at("/published/to"))).isEqualTo(instant(fixture.at("/published/to")));
        assertThat(relatedUrls(stored.path("relations"), "entries")).as("relations to manga and anime")
                .isEqualTo(relatedUrls(fixture.path("relations"), "entry")).anyMatch(url -> url.contains("/anime/5114/"));
        assertThat(stored.path("externalLinks").findValuesAsString("url")).isEqualTo(fixture.path("external").findValuesAsString("url"));
        assertThat(stored.path("imageUrl").asString()).isEqualTo(fixture.at("/images/jpg/large_image_url").asString());
        JsonNode characters = stored.path("characters");
        assertThat(characters.size()).as("characters with their roles").isPositive();
        characters.forEach(character -> assertThat(character.path("role").asString()).isIn("Main", "Supporting"));
        assertThat(pipeline.jikanCalls("/manga/25(/.*)?")).as("full and characters").isEqualTo(2);
    }

    @Test
    void fiftyConcurrentGetsForOneMissingMangaOnTwoApiInstancesMakeOneProviderCall() {
        long id = 650_001;
        pipeline.providers.jikan().serveRecordedAs("manga", id, 25);
        try (var secondApi = pipeline.startApi()) {
            List<String> instances = List.of(pipeline.apiUrl(), Pipeline.urlOf(secondApi));
            var answers = ApiCalls.getConcurrently(IntStream.range(0, 50)
                    .mapToObj(i -> instances.get(i % 2) + "/api/v1/manga/" + id + "?wait=PT60S").toList());

            for (var answer : answers) {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body().path("malId").asLong()).isEqualTo(id);
                assertThat(answer.body().path("title").asString()).isEqualTo("Fullmetal Alchemist");
            }
        }
        assertThat(pipeline.jikanCalls("/manga/" + id + "/full")).isEqualTo(1);
    }

    @Test
    void aMangaJikanDoesNotKnowIsA404WithTheMangaCode() {
        var answer = ApiCalls.get(pipeline.apiUrl(), "/api/v1/manga/5000001?wait=PT30S");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("MANGA_NOT_FOUND");
    }

    private static OffsetDateTime instant(JsonNode value) {
        return OffsetDateTime.parse(value.asString()).withOffsetSameInstant(java.time.ZoneOffset.UTC);
    }

    private static List<String> relatedUrls(JsonNode relations, String entriesField) {
        List<String> urls = new ArrayList<>();
        relations.forEach(relation -> relation.path(entriesField).forEach(entry -> urls.add(entry.path("url").asString())));
        return urls;
    }
}
