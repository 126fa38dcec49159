package com.trackgeek.api.search;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.CatalogFixtures;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.Title;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Database search through the HTTP API, against items stored as the sync worker stores them (the real FMA:B
 * and FMA bodies under test titles). The titles carry a word made up for this run, in Latin and in katakana,
 * so the hits are exactly this class's items whatever else the shared database holds.
 */
class SearchTest extends ApiIntegrationTest {

    private static final String WORD = randomWord("abcdefghijklmnopqrstuvwxyz", 8);
    private static final String KATAKANA = randomWord("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモ", 5);

    private static MediaKey pokemon;         // anime "Pokémon <word>", alternative title "ポケモン<katakana>"
    private static MediaKey pokemonManga;    // manga "Pokémon <word> Adventures"
    private static MediaKey alsoKnownAs;     // anime "Something Else", alternative title "Pokemon <word>"
    private static MediaKey naruto;          // anime "NARUTO <word>"

    @BeforeEach
    void storeItemsOnce() {
        if (pokemon != null) {
            return;
        }
        var worker = worker();
        MediaKey first = newKey(MediaType.ANIME);
        worker.store(CatalogFixtures.anime(first.id(), "Pokémon " + WORD, titles("Pokémon " + WORD, "ポケモン" + KATAKANA)), UUID.randomUUID());
        MediaKey manga = newKey(MediaType.MANGA);
        worker.store(CatalogFixtures.manga(manga.id(), "Pokémon " + WORD + " Adventures"), UUID.randomUUID());
        MediaKey other = newKey(MediaType.ANIME);
        worker.store(CatalogFixtures.anime(other.id(), "Something Else", titles("Something Else", "Pokemon " + WORD)), UUID.randomUUID());
        MediaKey ninja = newKey(MediaType.ANIME);
        worker.store(CatalogFixtures.anime(ninja.id(), "NARUTO " + WORD, titles("NARUTO " + WORD)), UUID.randomUUID());
        pokemonManga = manga;
        alsoKnownAs = other;
        naruto = ninja;
        pokemon = first;
    }

    @Test
    void aStoredTitleIsFoundWithItsSummaryFromTheDatabase() {
        var body = search("/api/v1/anime/search", "Pokémon " + WORD);

        assertThat(body.get("query").asString()).isEqualTo("Pokémon " + WORD);
        assertThat(body.get("page").asInt()).isEqualTo(1);
        assertThat(body.get("limit").asInt()).isEqualTo(20);
        assertThat(body.get("providerIncluded").asBoolean()).isFalse();
        JsonNode hit = body.get("items").get(0);
        assertThat(hit.get("id").asLong()).isEqualTo(pokemon.id());
        assertThat(hit.get("type").asString()).isEqualTo("anime");
        assertThat(hit.get("title").asString()).isEqualTo("Pokémon " + WORD);
        assertThat(hit.get("alternativeTitles").get(0).asString()).isEqualTo("ポケモン" + KATAKANA);
        assertThat(hit.get("year").asInt()).isEqualTo(2009);
        assertThat(hit.get("image").asString()).isEqualTo("https://cdn.myanimelist.net/images/anime/1208/94745.jpg");
        assertThat(hit.get("status").asString()).isEqualTo("Finished Airing");
        assertThat(hit.get("sync").get("status").asString()).isEqualTo("pending_embeddings");
        assertThat(hit.get("sync").get("partial").asBoolean()).isFalse();
        assertThat(hit.get("source").asString()).isEqualTo("database");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pokemon %s", "POKEMON %s", "PoKéMoN %s", "pokémon %s"})
    void caseAndAccentsDoNotMatter(String query) {
        assertThat(ids(search("/api/v1/anime/search", query.formatted(WORD.toUpperCase()))))
                .startsWith(pokemon.id());
        assertThat(ids(search("/api/v1/anime/search", "naruto " + WORD))).containsExactly(naruto.id());
    }

    @Test
    void aSmallMisspellingStillFindsTheTitle() {
        assertThat(ids(search("/api/v1/anime/search", "pokemn " + WORD))).startsWith(pokemon.id());
    }

    @Test
    void aJapaneseAlternativeTitleFindsItsItem() {
        assertThat(ids(search("/api/v1/anime/search", "ポケモン" + KATAKANA))).containsExactly(pokemon.id());
        assertThat(ids(search("/api/v1/search", KATAKANA))).as("part of it").containsExactly(pokemon.id());
    }

    @Test
    void aLatinAlternativeTitleFindsItsItemAfterTheTitleMatches() {
        var body = search("/api/v1/anime/search", "pokemon " + WORD);

        assertThat(ids(body)).containsExactly(pokemon.id(), alsoKnownAs.id());
        assertThat(body.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void aTypeSearchFindsOnlyThatType() {
        var body = search("/api/v1/manga/search", "pokemon " + WORD);

        assertThat(ids(body)).containsExactly(pokemonManga.id());
        assertThat(body.get("items").get(0).get("type").asString()).isEqualTo("manga");
        assertThat(body.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void theSearchAcrossTypesRanksTitleMatchesFirstThenTheCloserTitleThenAlternativeTitles() {
        var body = search("/api/v1/search", "pokemon " + WORD);

        assertThat(ids(body)).containsExactly(pokemon.id(), pokemonManga.id(), alsoKnownAs.id());
        List<String> types = new ArrayList<>();
        body.get("items").forEach(hit -> types.add(hit.get("type").asString()));
        assertThat(types).containsExactly("anime", "manga", "anime");
        assertThat(body.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void pagesSplitTheRankedHitsAndKeepTheTotal() {
        String path = "/api/v1/search?q=" + encode("pokemon " + WORD) + "&limit=2";

        var first = json(ok(path + "&page=1"));
        var second = json(ok(path + "&page=2"));
        var past = json(ok(path + "&page=3"));

        assertThat(ids(first)).containsExactly(pokemon.id(), pokemonManga.id());
        assertThat(ids(second)).containsExactly(alsoKnownAs.id());
        assertThat(ids(past)).isEmpty();
        assertThat(List.of(first, second, past)).allSatisfy(page -> {
            assertThat(page.get("total").asLong()).isEqualTo(3);
            assertThat(page.get("limit").asInt()).isEqualTo(2);
        });
        assertThat(second.get("page").asInt()).isEqualTo(2);
    }

    @Test
    void aDatabaseSearchPublishesNoCommand() {
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            search("/api/v1/anime/search", "pokemon " + WORD);
            search("/api/v1/search", "nothing stored is called " + WORD + WORD);

            assertThat(commands.drain(Duration.ofMillis(500))).as("no command for any item").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/anime/search",
            "/api/v1/anime/search?q=",
            "/api/v1/anime/search?q=%20%20%09",
            "/api/v1/search?page=1",
            "/api/v1/anime/search?q=naruto&page=0",
            "/api/v1/anime/search?q=naruto&page=-1",
            "/api/v1/anime/search?q=naruto&page=abc",
            "/api/v1/anime/search?q=naruto&page=1.5",
            "/api/v1/anime/search?q=naruto&page=9999999999",
            "/api/v1/search?q=naruto&limit=0",
            "/api/v1/search?q=naruto&limit=51",
            "/api/v1/search?q=naruto&limit=ten",
            "/api/v1/podcast/search?q=naruto",
            "/api/v1/ANIME/search?q=naruto"})
    void badInputIs400(String path) {
        var response = get(path);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(json(response).get("detail").asString()).as("the search's own refusal, not the item read's")
                .doesNotContain("An id is");
    }

    @Test
    void aQueryOverTwoHundredCharactersIs400AndOneOfTwoHundredIsSearched() {
        assertThat(get("/api/v1/search?q=" + encode("x".repeat(201))).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/search?q=" + encode("ポ".repeat(200))).statusCode()).isEqualTo(200);
    }

    @Test
    void theSearchIsInTheApiDescription() {
        var paths = json(ok("/v3/api-docs")).get("paths");

        assertThat(paths.has("/api/v1/{type}/search")).isTrue();
        assertThat(paths.has("/api/v1/search")).isTrue();
    }

    private JsonNode search(String path, String query) {
        return json(ok(path + "?q=" + encode(query)));
    }

    private HttpResponse<String> ok(String path) {
        var response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(hit -> ids.add(hit.get("id").asLong()));
        return ids;
    }

    private static List<Title> titles(String title, String... others) {
        List<Title> titles = new ArrayList<>(List.of(new Title("Default", title)));
        for (String other : others) {
            titles.add(new Title("Synonym", other));
        }
        return titles;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String randomWord(String letters, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return word.toString();
    }
}
