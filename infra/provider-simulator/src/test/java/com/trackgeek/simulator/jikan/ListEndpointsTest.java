package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.JsonShape;
import com.trackgeek.simulator.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SimulatorTest
class ListEndpointsTest {

    private static final JsonNode WINTER_2018 = Fixtures.read("jikan/seasons-2018-winter.json");

    private final JikanClient jikan;

    @Autowired
    ListEndpointsTest(MockMvcTester mvc, JsonMapper jsonMapper) {
        this.jikan = new JikanClient(mvc, jsonMapper);
    }

    @Test
    void seasonPaginatesRecordedTitlesPaddedWithSynthesisedOnes() {
        JsonNode first = jikan.getOk("/seasons/2018/winter");
        int total = first.at("/pagination/items/total").asInt();
        int lastPage = first.at("/pagination/last_visible_page").asInt();

        assertThat(total).isBetween(40, 70);
        assertThat(lastPage).isEqualTo((total + 24) / 25);
        assertThat(first.at("/pagination/has_next_page").asBoolean()).isTrue();
        assertThat(first.at("/pagination/items/count").asInt()).isEqualTo(25);
        assertThat(first.at("/pagination/items/per_page").asInt()).isEqualTo(25);
        JsonShape.assertSameShape(WINTER_2018, first);

        List<Long> ids = new ArrayList<>();
        for (int page = 1; page <= lastPage; page++) {
            JsonNode body = jikan.getOk("/seasons/2018/winter?page=" + page);
            assertThat(body.at("/pagination/current_page").asInt()).isEqualTo(page);
            assertThat(body.at("/pagination/has_next_page").asBoolean()).isEqualTo(page < lastPage);
            for (JsonNode anime : body.get("data")) {
                assertThat(anime.get("season").asString()).isEqualTo("winter");
                assertThat(anime.get("year").asInt()).isEqualTo(2018);
                ids.add(anime.get("mal_id").asLong());
            }
        }
        assertThat(ids).hasSize(total).doesNotHaveDuplicates();
        List<Long> recorded = WINTER_2018.get("data").valueStream().map(anime -> anime.get("mal_id").asLong()).toList();
        assertThat(ids).containsAll(recorded);
        assertThat(jikan.getOk("/seasons/2018/winter?page=" + (lastPage + 1)).get("data")).isEmpty();
    }

    @Test
    void aSynthesisedSeasonEntryIsTheSameItemWhenFetchedById() {
        // Page 1 holds the 25 recorded titles; page 2 starts the synthesised padding.
        JsonNode secondPage = jikan.getOk("/seasons/2018/winter?page=2").get("data");
        JsonNode entry = secondPage.get(secondPage.size() - 1);

        JsonNode byId = jikan.getOk("/anime/" + entry.get("mal_id").asLong()).get("data");

        assertThat(byId).isEqualTo(entry);
        assertThat(byId.get("season").asString()).isEqualTo("winter");
    }

    @Test
    void currentSeasonFollowsTheClock() {
        JsonNode now = jikan.getOk("/seasons/now");

        // The test clock stands in November 2022: fixtures/jikan/seasons-now-fall2022.json's season.
        assertThat(now.get("data").valueStream().map(anime -> anime.get("mal_id").asLong()))
                .contains(50602L, 49918L);
        assertThat(now.get("data").valueStream().map(anime -> anime.get("season").asString()))
                .containsOnly("fall");
    }

    @Test
    void topListIsOrderedByRank() {
        JsonNode first = jikan.getOk("/top/anime");
        JsonNode second = jikan.getOk("/top/anime?page=2");

        assertThat(first.at("/data/0/mal_id").asLong()).isEqualTo(5114);
        List<Integer> ranks = new ArrayList<>();
        first.get("data").forEach(anime -> ranks.add(anime.get("rank").asInt()));
        second.get("data").forEach(anime -> ranks.add(anime.get("rank").asInt()));
        assertThat(ranks).hasSize(50).isSorted();
        assertThat(first.at("/pagination/items/total").asInt()).isEqualTo(1000);
        assertThat(first.at("/data/0").propertyNames()).doesNotContainAnyElementsOf(AnimeShape.FULL_ONLY_KEYS);
    }

    @Test
    void topMangaListsTheRecordedMangaByRankAsTheyAreFetchedById() {
        JsonNode first = jikan.getOk("/top/manga?filter=bypopularity");

        assertThat(first.get("data")).isNotEmpty();
        List<Long> ranks = first.get("data").valueStream()
                .filter(manga -> manga.get("rank").isIntegralNumber())
                .map(manga -> manga.get("rank").asLong()).toList();
        assertThat(ranks).isNotEmpty().isSorted();
        assertThat(first.at("/pagination/items/total").asInt()).isEqualTo(first.get("data").size());
        JsonNode entry = first.at("/data/0");
        assertThat(jikan.getOk("/manga/" + entry.get("mal_id").asLong()).get("data")).isEqualTo(entry);
    }

    @Test
    void searchMatchesTitleSubstringsCaseInsensitively() {
        JsonNode body = jikan.getOk("/anime?q=NARUTO&limit=10");

        assertThat(body.get("data")).isNotEmpty();
        assertThat(body.get("data").valueStream().map(anime -> anime.get("mal_id").asLong())).contains(20L);
        body.get("data").forEach(anime -> assertThat(
                (anime.get("title").asString() + " " + anime.path("title_english").asString("")).toLowerCase())
                .contains("naruto"));
        assertThat(body.at("/pagination/items/per_page").asInt()).isEqualTo(10);
        JsonShape.assertSameShape(Fixtures.read("jikan/search-anime-q-naruto-genre-1-2-limit10.json"), body);
    }

    @Test
    void searchFindsSynthesisedItemsToo() {
        JsonNode body = jikan.getOk("/anime?q=monogatari");

        assertThat(body.at("/pagination/items/total").asInt()).isGreaterThan(25);
        assertThat(body.at("/pagination/has_next_page").asBoolean()).isTrue();
        body.get("data").forEach(anime ->
                assertThat(anime.get("title").asString().toLowerCase()).contains("monogatari"));
    }

    @Test
    void limitAboveJikansMaximumIsABadRequest() {
        assertThat(jikan.get("/top/anime?limit=26").status()).isEqualTo(400);
        assertThat(jikan.get("/seasons/2018/autumn").status()).isEqualTo(400);
    }
}
