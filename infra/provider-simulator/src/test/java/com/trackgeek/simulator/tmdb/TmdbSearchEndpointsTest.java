package com.trackgeek.simulator.tmdb;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** TMDB's {@code /search/movie} and {@code /search/tv}: recorded answers by query, empty pages otherwise, the same gates. */
@SimulatorTest
@TestPropertySource(properties = "simulator.tmdb.rate-limit.enabled=false")
class TmdbSearchEndpointsTest {

    private final TmdbHttp tmdb;

    @Autowired
    TmdbSearchEndpointsTest(MockMvcTester mvc, JsonMapper json) {
        this.tmdb = new TmdbHttp(mvc, json);
    }

    @Test
    void aRecordedQueryIsAnsweredAsRecordedWhateverItsCase() {
        assertThat(tmdb.ok("/search/movie?query=Harry Potter")).isEqualTo(Fixtures.read("tmdb/search-movie-harry-potter.json"));
        assertThat(tmdb.ok("/search/movie?query=star wars&page=1")).isEqualTo(Fixtures.read("tmdb/search-movie-star-wars.json"));
        assertThat(tmdb.ok("/search/tv?query=LOST")).isEqualTo(Fixtures.read("tmdb/search-tv-lost.json"));
        assertThat(tmdb.ok("/search/tv?query=lupin")).isEqualTo(Fixtures.read("tmdb/search-tv-lupin.json"));
        assertThat(tmdb.ok("/search/tv?query= breaking  bad")).isEqualTo(Fixtures.read("tmdb/search-tv-breaking-bad.json"));
    }

    @Test
    void theYearSelectsTheRecordingMadeWithIt() {
        assertThat(tmdb.ok("/search/movie?query=star wars&year=1977"))
                .isEqualTo(Fixtures.read("tmdb/search-movie-star-wars-year-1977.json"));
        assertThat(tmdb.ok("/search/movie?query=star wars&year=1999").get("results").isEmpty()).isTrue();
    }

    @Test
    void aLaterPageOfARecordedSearchAndAnUnrecordedQueryAreEmptyPagesWithTmdbsFields() {
        JsonNode recorded = Fixtures.read("tmdb/search-tv-lost.json");
        JsonNode second = tmdb.ok("/search/tv?query=lost&page=2");
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("results").isEmpty()).isTrue();
        assertThat(second.get("total_results")).isEqualTo(recorded.get("total_results"));
        assertThat(second.get("total_pages")).isEqualTo(recorded.get("total_pages"));

        JsonNode unknown = tmdb.ok("/search/movie?query=no such title");
        assertThat(unknown.get("page").asInt()).isEqualTo(1);
        assertThat(unknown.get("results").isEmpty()).isTrue();
        assertThat(unknown.get("total_results").asLong()).isZero();
        assertThat(unknown.get("total_pages").asInt()).isEqualTo(1);
    }

    @Test
    void searchesPassTheSameCredentialGateAndABadPageIsRefused() {
        var refused = tmdb.raw("/search/movie?query=lost", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo(Fixtures.read("tmdb/error-401-invalid-api-key.json"));
        assertThat(tmdb.get("/search/movie?query=lost&page=0").status()).isEqualTo(404);
        assertThat(tmdb.get("/search/movie?query=lost&page=501").status()).isEqualTo(404);
    }

    @Test
    void aSearchHitThatIsNoRecordedItemIsFetchedAsItsHitDescribedIt() {
        JsonNode hit = Fixtures.read("tmdb/search-tv-breaking-bad.json").get("results").get(0);
        JsonNode show = tmdb.ok("/tv/" + hit.get("id").asLong());

        for (String field : new String[]{"name", "original_name", "overview", "first_air_date", "poster_path", "vote_count"}) {
            assertThat(show.get(field)).as(field).isEqualTo(hit.get(field));
        }
        assertThat(show.get("seasons").isArray()).as("the rest synthesised, in a show's shape").isTrue();

        JsonNode movieHit = Fixtures.read("tmdb/search-movie-star-wars.json").get("results").get(1);
        assertThat(tmdb.ok("/movie/" + movieHit.get("id").asLong()).get("title")).isEqualTo(movieHit.get("title"));
    }
}
