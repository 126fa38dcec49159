package com.trackgeek.sync.provider.tmdb;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.Movie;
import com.trackgeek.contracts.catalog.TvShow;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.CircuitBreakerSettings;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.ProviderSettings;
import com.trackgeek.sync.provider.RetrySettings;
import com.trackgeek.sync.provider.SearchPage;
import com.trackgeek.sync.ratelimit.BudgetSettings;
import com.trackgeek.sync.ratelimit.ProviderBudgets;
import com.trackgeek.sync.ratelimit.RateLimitWindow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * TMDB's own search through the provider, against the fake's recorded searches: partial movies and shows with
 * the results' ids, titles, original titles, dates and posters, TMDB's {@code total_results}; failures end as
 * the fetches' codes; a search spends the one TMDB budget.
 */
class TmdbSearchTest {

    private static final String SEARCH_MOVIE = SharedSimulator.tmdbPath("search/movie");
    private static final String SEARCH_TV = SharedSimulator.tmdbPath("search/tv");

    private final EmbeddedSimulator tmdb = SharedSimulator.simulator();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @AfterEach
    void unscript() {
        tmdb.script().clear(SEARCH_MOVIE);
        tmdb.script().clear(SEARCH_TV);
    }

    @Test
    void aPageSmallerThanTmdbsIsCutOutOfItsPageSoTheNextPageStartsWhereThisOneEnded() {
        JsonNode results = fixture("tmdb/search-movie-star-wars.json").get("results");
        int callsBefore = tmdb.requests().count(SEARCH_MOVIE);
        MetadataProvider provider = provider(SharedSimulator.TMDB_API_KEY);

        SearchPage first = provider.search(MediaType.MOVIE, "star wars", 1, 10);
        SearchPage second = provider.search(MediaType.MOVIE, "star wars", 2, 10);

        assertThat(first.items()).extracting(item -> item.key().id())
                .containsExactlyElementsOf(ids(results, 0, 10));
        assertThat(second.items()).extracting(item -> item.key().id())
                .as("TMDB's results 11-20, from the same TMDB page").containsExactlyElementsOf(ids(results, 10, 20));
        assertThat(second.hasMore()).isTrue();
        assertThat(tmdb.requests().count(SEARCH_MOVIE)).as("one TMDB page each").isEqualTo(callsBefore + 2);
    }

    private static List<Long> ids(JsonNode results, int from, int to) {
        List<Long> ids = new java.util.ArrayList<>();
        for (int index = from; index < to; index++) {
            ids.add(results.get(index).get("id").asLong());
        }
        return ids;
    }

    @Test
    void aRecordedMovieSearchIsPartialMoviesWithTheResultsValuesAndTmdbsTotal() {
        JsonNode recorded = fixture("tmdb/search-movie-harry-potter.json");

        SearchPage page = provider(SharedSimulator.TMDB_API_KEY).search(MediaType.MOVIE, "Harry Potter", 1, 20);

        assertThat(page.total()).isEqualTo(recorded.get("total_results").asLong());
        assertThat(page.hasMore()).isEqualTo(recorded.get("total_pages").asInt() > 1);
        assertThat(page.items()).hasSize(recorded.get("results").size());
        for (int i = 0; i < page.items().size(); i++) {
            JsonNode result = recorded.get("results").get(i);
            var movie = (Movie) page.items().get(i);
            assertThat(movie.key()).isEqualTo(MediaKey.of(MediaType.MOVIE, result.get("id").asLong()));
            assertThat(movie.title()).isEqualTo(result.get("title").asString());
            assertThat(movie.originalTitle()).isEqualTo(result.get("original_title").asString());
            assertThat(movie.releaseDate().toString()).isEqualTo(result.get("release_date").asString());
            assertThat(movie.releaseYear()).isEqualTo(Integer.parseInt(result.get("release_date").asString().substring(0, 4)));
            assertThat(movie.posterPath()).isEqualTo(result.get("poster_path").asString());
            assertThat(movie.overview()).isEqualTo(result.get("overview").asString());
            assertThat(movie.releaseStatus()).as("a search result has no status: none invented").isNull();
            assertThat(movie.cast()).isEmpty();
            assertThat(movie.genres()).as("only ids in a search result: none invented").isEmpty();
        }
    }

    @Test
    void aRecordedTvSearchIsPartialShowsAndTheLimitCapsTmdbsPageOfTwenty() {
        JsonNode recorded = fixture("tmdb/search-tv-lost.json");

        SearchPage page = provider(SharedSimulator.TMDB_API_KEY).search(MediaType.TV_SHOW, "lost", 1, 5);

        assertThat(page.total()).isEqualTo(282);
        assertThat(page.hasMore()).isTrue();
        assertThat(page.items()).hasSize(5);
        for (int i = 0; i < 5; i++) {
            JsonNode result = recorded.get("results").get(i);
            var show = (TvShow) page.items().get(i);
            assertThat(show.tmdbId()).isEqualTo(result.get("id").asLong());
            assertThat(show.title()).isEqualTo(result.get("name").asString());
            assertThat(show.originalName()).isEqualTo(result.get("original_name").asString());
            assertThat(show.firstAirDate() == null ? "" : show.firstAirDate().toString()).isEqualTo(result.path("first_air_date").asString(""));
            assertThat(show.originCountry()).containsExactlyElementsOf(result.get("origin_country").valueStream().map(JsonNode::asString).toList());
            assertThat(show.seasons()).isEmpty();
        }
    }

    @Test
    void anUnrecordedQueryIsAnEmptyPageWithATotalOfZero() {
        SearchPage page = provider(SharedSimulator.TMDB_API_KEY).search(MediaType.MOVIE, "no such film anywhere", 1, 20);

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void tmdbsErrorsEndAsTheFetchesCodes() {
        var rejected = catchThrowableOfType(ProviderException.class,
                () -> provider("a-wrong-key").search(MediaType.MOVIE, "lost", 1, 20));
        assertThat(rejected.code()).isEqualTo(ErrorCode.TMDB_CREDENTIALS_REJECTED);

        tmdb.script().respond(SEARCH_TV, 429, "tmdb/error-429-request-count-over-limit.json");
        assertThat(catchThrowableOfType(ProviderException.class,
                () -> provider(SharedSimulator.TMDB_API_KEY).search(MediaType.TV_SHOW, "lost", 1, 20)).code())
                .isEqualTo(ErrorCode.TMDB_SERVICE_UNAVAILABLE);

        var off = catchThrowableOfType(ProviderException.class, () -> provider(null).search(MediaType.MOVIE, "lost", 1, 20));
        assertThat(off.code()).isEqualTo(ErrorCode.TMDB_NOT_CONFIGURED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"page\": 1, \"results\": {\"id\": 1}, \"total_results\": 1}",
            "{\"page\": 1, \"results\": [{\"id\": \"eleven\", \"title\": \"Star Wars\"}], \"total_results\": 1}",
            "{\"page\": 1, \"results\": [{\"title\": \"Star Wars\"}], \"total_results\": 1}",
            "{\"page\": 1, \"results\": [{\"id\": 11, \"title\": \"Star Wars\", \"release_date\": \"May 1977\"}], \"total_results\": 1}",
            "{\"page\": 1, \"results\": []}",
            "[]",
    })
    void anAnswerThatIsNotTmdbsIsAnInvalidPayloadNamingThePath(String body) {
        tmdb.script().respondBody(SEARCH_MOVIE, 200, body);

        var failure = catchThrowableOfType(ProviderException.class,
                () -> provider(SharedSimulator.TMDB_API_KEY).search(MediaType.MOVIE, "star wars", 1, 20));

        assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
        assertThat(failure.getMessage()).startsWith("TMDB: /search/movie");
    }

    @Test
    void aSearchSpendsTheOneTmdbBudgetWithTheFetches() {
        var provider = provider(SharedSimulator.TMDB_API_KEY);
        int searchesBefore = tmdb.requests().count(SEARCH_TV);

        provider.fetch(MediaKey.of(MediaType.MOVIE, 671));
        provider.search(MediaType.TV_SHOW, "lupin", 1, 20);

        assertThat(metrics.get("trackgeek.provider.ratelimit.wait").tag("provider", "tmdb").timer().count()).isEqualTo(2);
        assertThat(tmdb.requests().count(SEARCH_TV) - searchesBefore).isEqualTo(1);
    }

    private MetadataProvider provider(String apiKey) {
        var properties = new TmdbProperties(URI.create(tmdb.tmdbBaseUrl()), apiKey, null, Duration.ofSeconds(1), Duration.ofSeconds(5),
                List.of(new RateLimitWindow(100, Duration.ofSeconds(1), 10)),
                new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50)),
                new CircuitBreakerSettings(50, 1000, Duration.ofSeconds(30)), TmdbProperties.IdExport.none());
        return new TmdbConfiguration().tmdbProvider(properties, new ProviderSettings(Duration.ofMillis(50)), RestClient.builder(),
                ProviderBudgets.inProcess(BudgetSettings.defaults().withBulkShare(1.0), metrics), metrics);
    }

    private static JsonNode fixture(String name) {
        return JsonMapper.builder().build().readTree(Path.of(System.getProperty("trackgeek.fixtures"), name).toFile());
    }
}
