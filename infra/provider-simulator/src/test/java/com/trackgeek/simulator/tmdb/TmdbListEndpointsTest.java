package com.trackgeek.simulator.tmdb;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMDB's ranked lists: pages of 20 as TMDB pages them, at most 500, the recorded items first, every entry the
 * item the fake serves by id.
 */
@SimulatorTest
@TestPropertySource(properties = "simulator.tmdb.rate-limit.enabled=false")
class TmdbListEndpointsTest {

    private final TmdbHttp tmdb;

    @Autowired
    TmdbListEndpointsTest(MockMvcTester mvc, JsonMapper json) {
        this.tmdb = new TmdbHttp(mvc, json);
    }

    @Test
    void popularMoviesStartWithTheRecordedOnesByPopularityInPagesOfTwenty() {
        JsonNode first = tmdb.ok("/movie/popular");
        JsonNode second = tmdb.ok("/movie/popular?page=2");

        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("results")).hasSize(20);
        assertThat(second.get("results")).hasSize(20);
        assertThat(first.get("total_pages").asInt()).isEqualTo(500);
        assertThat(first.get("total_results").asInt()).isEqualTo(10_000);
        List<Long> recorded = List.of(
                Fixtures.read("tmdb/movie-671-harry-potter-philosophers-stone.json").get("id").asLong(),
                Fixtures.read("tmdb/movie-607-men-in-black-append-credits-videos.json").get("id").asLong());
        assertThat(first.get("results").valueStream().limit(recorded.size()).map(movie -> movie.get("id").asLong()))
                .containsExactlyInAnyOrderElementsOf(recorded);
        List<Double> popularity = first.get("results").valueStream().limit(recorded.size())
                .map(movie -> movie.get("popularity").asDouble()).toList();
        assertThat(popularity).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void anEntryCarriesTheValuesOfTheItemFetchedById() {
        JsonNode entry = tmdb.ok("/tv/top_rated?page=3").at("/results/7");

        JsonNode byId = tmdb.ok("/tv/" + entry.get("id").asLong());

        assertThat(entry.get("name")).isEqualTo(byId.get("name"));
        assertThat(entry.get("first_air_date")).isEqualTo(byId.get("first_air_date"));
        assertThat(entry.has("seasons")).as("plain values only, as TMDB's list entries").isFalse();
    }

    @Test
    void theListsDifferAndPagesOutsideOneToFiveHundredAreRefused() {
        assertThat(tmdb.ok("/movie/top_rated?page=2").get("results"))
                .isNotEqualTo(tmdb.ok("/movie/popular?page=2").get("results"));
        assertThat(tmdb.ok("/tv/popular?page=500").get("results")).hasSize(20);
        assertThat(tmdb.get("/tv/popular?page=501").status()).isEqualTo(404);
        assertThat(tmdb.get("/movie/popular?page=0").status()).isEqualTo(404);
    }
}
