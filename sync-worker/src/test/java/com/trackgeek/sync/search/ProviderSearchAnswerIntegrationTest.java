package com.trackgeek.sync.search;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.ProviderSearchRequested;
import com.trackgeek.sync.SharedSimulator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static com.trackgeek.contracts.MediaType.ANIME;
import static com.trackgeek.contracts.MediaType.GAME;
import static com.trackgeek.contracts.MediaType.TV_SHOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider search is answered into its row: 'done' with the hits' ids in the provider's order, the
 * provider's total (where it gives one) and whether more pages exist; every hit stored as a partial item with
 * the answer's title; and the provider asked once. Each provider's real recorded search answer is the reference.
 * The worker's bulk lane is held meanwhile, so the hits are read before their full fetches complete them.
 *
 * <p>No Hardcover case: its fake's only recorded book is the one {@code HardcoverSyncIntegrationTest} syncs under
 * its real id, and a search here would store (and fully fetch) it first.
 */
class ProviderSearchAnswerIntegrationTest extends AbstractSearchIntegrationTest {

    private static final String JIKAN_ANIME_SEARCH = SharedSimulator.jikanPath("anime");
    private static final String TMDB_TV_SEARCH = SharedSimulator.tmdbPath("search/tv");
    private static final String IGDB_GAMES = "/igdb/v4/games";

    @Test
    void aJikanAnimeSearchIsAnsweredWithItsHitsInJikansOrderAndJikansTotal() {
        String recording = "jikan/search-anime-q-naruto-genre-1-2-limit10.json";
        JsonNode jikan = fixture(recording);
        List<Long> ids = longs(jikan.get("data"), "mal_id");
        // Jikan's real answer, served as the fake's own anime search answers by substring only.
        jikan().script().respond(JIKAN_ANIME_SEARCH, 200, recording);
        try {
            var answer = answered(ANIME, "naruto", JIKAN_ANIME_SEARCH, jikan.get("data"), "mal_id", "title");

            assertThat(answer.providerIds()).containsExactlyElementsOf(ids).hasSize(10);
            assertThat(answer.total()).isEqualTo(jikan.at("/pagination/items/total").asLong()).isEqualTo(29);
            assertThat(answer.hasMore()).isEqualTo(jikan.at("/pagination/has_next_page").asBoolean()).isTrue();
        } finally {
            jikan().script().clear(JIKAN_ANIME_SEARCH);
        }
    }

    @Test
    void aTmdbTvSearchIsAnsweredWithItsHitsInTmdbsOrderAndTmdbsTotal() {
        JsonNode tmdb = fixture("tmdb/search-tv-lost.json");

        var answer = answered(TV_SHOW, "lost", TMDB_TV_SEARCH, tmdb.get("results"), "id", "name");

        assertThat(answer.providerIds()).containsExactlyElementsOf(longs(tmdb.get("results"), "id")).hasSize(5);
        assertThat(answer.total()).isEqualTo(tmdb.get("total_results").asLong()).isEqualTo(282);
        assertThat(answer.hasMore()).as("page 1 of %s", tmdb.get("total_pages")).isTrue();
    }

    @Test
    void anIgdbGameSearchIsAnsweredWithItsHitsInIgdbsOrderAndNoTotal() {
        JsonNode igdb = fixture("igdb/games-search-god-of-war.json");

        var answer = answered(GAME, "god of war", IGDB_GAMES, igdb, "id", "name");

        assertThat(answer.providerIds()).containsExactlyElementsOf(longs(igdb, "id")).hasSize(4);
        assertThat(answer.total()).as("IGDB gives no total").isNull();
        assertThat(answer.hasMore()).as("fewer hits than the page holds").isFalse();
    }

    /**
     * Searches with the bulk lane held and checks what every answer has in common: done under the command's
     * search id, no error, one call to {@code searchPath} (a path IGDB shares with its fetches, which are
     * held), and each of {@code hits} (the recorded answer's) stored partial with its recorded title.
     */
    private SearchRow answered(MediaType type, String query, String searchPath, JsonNode hits, String idField,
                               String titleField) {
        SearchRow answer;
        pauseBulkLane();
        try {
            int callsBefore = calls(searchPath);
            ProviderSearchRequested command = search(type, query);

            answer = awaitAnswer(command);

            assertThat(answer.status()).isEqualTo("done");
            assertThat(answer.searchId()).isEqualTo(command.searchId());
            assertThat(answer.errorCode()).isNull();
            assertThat(answer.answered()).isTrue();
            assertThat(calls(searchPath) - callsBefore).as("one provider call").isEqualTo(1);
            assertThat(hits.size()).isPositive();
            for (JsonNode hit : hits) {
                long id = hit.get(idField).asLong();
                assertThat(partial(type, id)).as("%s %s stored partial", type, id).contains(true);
                assertThat(title(type, id)).as("%s %s", type, id).contains(hit.get(titleField).asString());
            }
        } finally {
            resumeBulkLane();
        }
        awaitFullyStored(type, answer.providerIds());
        return answer;
    }
}
