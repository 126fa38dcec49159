package com.trackgeek.sync.search;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.sync.SharedSimulator;
import org.junit.jupiter.api.Test;

import static com.trackgeek.contracts.MediaType.ANIME;
import static com.trackgeek.contracts.MediaType.MANGA;
import static com.trackgeek.contracts.MediaType.MOVIE;
import static com.trackgeek.contracts.MediaType.TV_SHOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider search that fails ends its row 'failed' with the fetches' error code and a detail, so the
 * searches waiting on it stop at once; nothing of the answer is stored, not even the hits before a broken one.
 * The providers' real error bodies are scripted on the search paths.
 */
class ProviderSearchFailureIntegrationTest extends AbstractSearchIntegrationTest {

    private static final String JIKAN_ANIME_SEARCH = SharedSimulator.jikanPath("anime");
    private static final String JIKAN_MANGA_SEARCH = SharedSimulator.jikanPath("manga");
    private static final String TMDB_TV_SEARCH = SharedSimulator.tmdbPath("search/tv");
    private static final String TMDB_MOVIE_SEARCH = SharedSimulator.tmdbPath("search/movie");

    @Test
    void jikansRecorded504IsRetriedThenTheSearchFailsAsJikanUnavailable() {
        jikan().script().respond(JIKAN_ANIME_SEARCH, 504, "jikan/error-504-bad-response-exception-search.json");
        try {
            int callsBefore = calls(JIKAN_ANIME_SEARCH);

            var row = failed(ANIME, uniqueQuery("naruto"));

            assertThat(row.errorCode()).isEqualTo(ErrorCode.JIKAN_SERVICE_UNAVAILABLE.name());
            assertThat(row.errorDetail()).contains("504");
            assertThat(calls(JIKAN_ANIME_SEARCH) - callsBefore).as("three attempts").isEqualTo(3);
        } finally {
            jikan().script().clear(JIKAN_ANIME_SEARCH);
        }
    }

    @Test
    void tmdbsRecorded401FailsTheSearchAsCredentialsRejectedWithoutRetrying() {
        jikan().script().respond(TMDB_TV_SEARCH, 401, "tmdb/error-401-invalid-api-key.json");
        try {
            int callsBefore = calls(TMDB_TV_SEARCH);

            var row = failed(TV_SHOW, uniqueQuery("lost"));

            assertThat(row.errorCode()).isEqualTo(ErrorCode.TMDB_CREDENTIALS_REJECTED.name());
            assertThat(row.errorDetail()).isNotBlank();
            assertThat(calls(TMDB_TV_SEARCH) - callsBefore).isEqualTo(1);
        } finally {
            jikan().script().clear(TMDB_TV_SEARCH);
        }
    }

    @Test
    void tmdbsRecorded429IsRetriedThenTheSearchFailsAsTmdbUnavailable() {
        jikan().script().respond(TMDB_MOVIE_SEARCH, 429, "tmdb/error-429-request-count-over-limit.json");
        try {
            int callsBefore = calls(TMDB_MOVIE_SEARCH);

            var row = failed(MOVIE, uniqueQuery("harry potter"));

            assertThat(row.errorCode()).isEqualTo(ErrorCode.TMDB_SERVICE_UNAVAILABLE.name());
            assertThat(row.errorDetail()).contains("429");
            assertThat(calls(TMDB_MOVIE_SEARCH) - callsBefore).as("three attempts").isEqualTo(3);
        } finally {
            jikan().script().clear(TMDB_MOVIE_SEARCH);
        }
    }

    @Test
    void aSearchAnswerWithABrokenHitFailsAsAnInvalidPayloadAndStoresNoHit() {
        long good = madeUpId();
        long broken = madeUpId();
        jikan().script().respondBody(JIKAN_MANGA_SEARCH, 200, """
                {"data": [{"mal_id": %d, "title": "A hit that would be stored"}, {"mal_id": %d, "title": " "}],
                 "pagination": {"last_visible_page": 1, "has_next_page": false, "items": {"count": 2, "total": 2, "per_page": 25}}}
                """.formatted(good, broken));
        try {
            var row = failed(MANGA, uniqueQuery("a hit"));

            assertThat(row.errorCode()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID.name());
            assertThat(row.errorDetail()).contains("[1]");
            assertThat(partial(MANGA, good)).as("no half answer stored").isEmpty();
            assertThat(partial(MANGA, broken)).isEmpty();
        } finally {
            jikan().script().clear(JIKAN_MANGA_SEARCH);
        }
    }

    private SearchRow failed(MediaType type, String query) {
        var row = awaitAnswer(search(type, query));
        assertThat(row.status()).isEqualTo("failed");
        assertThat(row.providerIds()).as("no hits").isNull();
        assertThat(row.answered()).isTrue();
        return row;
    }
}
