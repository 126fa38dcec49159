package com.trackgeek.sync.command;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.SyncEvent;
import com.trackgeek.contracts.SyncFailed;
import com.trackgeek.contracts.Topics;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.trackgeek.contracts.MediaType.MOVIE;
import static com.trackgeek.contracts.MediaType.TV_SHOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Movies and TV shows from TMDB, end to end through the worker: the recorded bodies served by the simulated
 * TMDB, each stored field compared with the recorded value it came from.
 */
class TmdbSyncIntegrationTest extends AbstractWorkerIntegrationTest {

    private static final String HARRY_POTTER = "tmdb/movie-671-harry-potter-philosophers-stone.json";
    private static final String MEN_IN_BLACK = "tmdb/movie-607-men-in-black-append-credits-videos.json";
    private static final String LOST = "tmdb/tv-4607-lost.json";
    private static final String LUPIN = "tmdb/tv-96677-lupin-append-aggregate-credits-etc.json";

    private static final String[][] MOVIE_TEXT = {{"imdbId", "imdb_id"}, {"title", "title"},
            {"originalTitle", "original_title"}, {"originalLanguage", "original_language"}, {"tagline", "tagline"},
            {"overview", "overview"}, {"posterPath", "poster_path"}, {"backdropPath", "backdrop_path"},
            {"status", "status"}, {"homepage", "homepage"}, {"releaseDate", "release_date"}};
    private static final String[][] SHOW_TEXT = {{"name", "name"}, {"originalName", "original_name"},
            {"originalLanguage", "original_language"}, {"tagline", "tagline"}, {"type", "type"}, {"overview", "overview"},
            {"posterPath", "poster_path"}, {"backdropPath", "backdrop_path"}, {"status", "status"},
            {"homepage", "homepage"}, {"firstAirDate", "first_air_date"}, {"lastAirDate", "last_air_date"}};
    private static final String[] COMPANY = {"tmdbId:id", "name", "logoPath:logo_path", "originCountry:origin_country"};
    private static final String[] COUNTRY = {"iso3166:iso_3166_1", "name"};
    private static final String[] LANGUAGE = {"iso639:iso_639_1", "englishName:english_name", "name"};
    private static final String[] GENRE = {"tmdbId:id", "name"};
    private static final String[] CAST = {"tmdbId:id", "name", "originalName:original_name", "character", "order",
            "knownForDepartment:known_for_department", "profilePath:profile_path", "creditId:credit_id"};
    private static final String[] CREW = {"tmdbId:id", "name", "originalName:original_name", "department", "job",
            "knownForDepartment:known_for_department", "profilePath:profile_path", "creditId:credit_id"};
    private static final String[] VIDEO = {"key", "site", "name", "type", "official", "language:iso_639_1",
            "country:iso_3166_1", "size", "tmdbId:id"};
    private static final String[] EPISODE = {"tmdbId:id", "seasonNumber:season_number", "episodeNumber:episode_number",
            "name", "overview", "airDate:air_date", "stillPath:still_path", "productionCode:production_code"};

    @Test
    void harryPotterIsStoredWithEveryFieldOfItsRecordedBody() {
        long id = recordedAs("movie", 671);
        synced(MOVIE, id);
        JsonNode tmdb = fixture(HARRY_POTTER);
        JsonNode movie = document(MOVIE, id).orElseThrow();

        assertMovie(movie, tmdb, id);
        assertThat(movie.get("cast").isEmpty()).as("the plain recording has no credits").isTrue();
        assertThat(movie.get("videos").isEmpty()).isTrue();
        assertThat(calls(MOVIE, id)).isEqualTo(1);

        var columns = jdbc.sql("""
                        select title, release_year, released_on::text as released_on, release_status
                          from media_item where media_type = 'MOVIE' and provider_id = :id""")
                .param("id", id).query().singleRow();
        assertThat(columns.get("title")).isEqualTo("Harry Potter and the Philosopher's Stone");
        assertThat(columns.get("release_year")).isEqualTo(2001);
        assertThat(columns.get("released_on")).isEqualTo("2001-11-16");
        assertThat(columns.get("release_status")).isEqualTo("Released");
        assertThat(state(MOVIE, id)).isEqualTo("pending_embeddings");
    }

    @Test
    void menInBlackIsStoredWithItsCreditsAndVideosFromOneCall() {
        long id = recordedAs("movie", 607);
        synced(MOVIE, id);
        JsonNode tmdb = fixture(MEN_IN_BLACK);
        JsonNode movie = document(MOVIE, id).orElseThrow();

        assertMovie(movie, tmdb, id);
        assertThat(tuples(movie.get("cast"), CAST)).isEqualTo(fixtureTuples(tmdb.at("/credits/cast"), CAST)).hasSize(67);
        assertThat(tuples(movie.get("crew"), CREW)).isEqualTo(fixtureTuples(tmdb.at("/credits/crew"), CREW)).hasSize(302);
        assertThat(tuples(movie.get("videos"), VIDEO)).isEqualTo(fixtureTuples(tmdb.at("/videos/results"), VIDEO)).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(Instant.parse(movie.at("/videos/" + i + "/publishedAt").asString()))
                    .isEqualTo(Instant.parse(tmdb.at("/videos/results/" + i + "/published_at").asString()));
        }
        assertThat(calls(MOVIE, id)).as("credits and videos appended to the one call").isEqualTo(1);
    }

    @Test
    void lostIsStoredWithEverySeasonAndEveryEpisodeOfItsRecordedSeasons() {
        long id = recordedAs("tv", 4607);
        synced(TV_SHOW, id);
        JsonNode tmdb = fixture(LOST);
        JsonNode show = document(TV_SHOW, id).orElseThrow();

        assertShow(show, tmdb, id);
        assertThat(show.get("cast").isEmpty()).as("Lost was recorded without credits").isTrue();
        assertThat(show.get("nextEpisodeToAir").isNull()).isTrue();
        Map<Integer, JsonNode> recorded = new HashMap<>();
        recorded.put(0, fixture("tmdb/tv-4607-season-0-specials.json"));
        recorded.put(1, fixture("tmdb/tv-4607-season-1.json"));
        for (JsonNode season : show.get("seasons")) {
            JsonNode episodes = recorded.containsKey(season.get("seasonNumber").asInt())
                    ? recorded.get(season.get("seasonNumber").asInt()).get("episodes") : null;
            if (episodes != null) {
                assertThat(tuples(season.get("episodes"), EPISODE)).as("season %s", season.get("seasonNumber"))
                        .isEqualTo(fixtureTuples(episodes, EPISODE)).hasSize(episodes.size());
            } else {
                assertThat(season.get("episodes").size()).isEqualTo(season.get("episodeCount").asInt()).isPositive();
            }
        }
        JsonNode undated = show.at("/seasons/0/episodes/29");
        assertThat(undated.get("name").asString()).startsWith("Deleted Scenes");
        assertThat(undated.get("airDate").isNull()).as("TMDB's empty date").isTrue();
        assertThat(show.at("/seasons/1/episodes").size()).isEqualTo(24);
        assertThat(calls(TV_SHOW, id)).as("the show, then its 7 seasons in one call").isEqualTo(2);
    }

    @Test
    void lupinIsStoredWithItsCredits() {
        long id = recordedAs("tv", 96677);
        synced(TV_SHOW, id);
        JsonNode tmdb = fixture(LUPIN);
        JsonNode show = document(TV_SHOW, id).orElseThrow();

        assertShow(show, tmdb, id);
        assertThat(tuples(show.get("cast"), CAST)).isEqualTo(fixtureTuples(tmdb.at("/credits/cast"), CAST)).hasSize(1);
        assertThat(tuples(show.get("crew"), CREW)).isEqualTo(fixtureTuples(tmdb.at("/credits/crew"), CREW)).hasSize(9);
        assertThat(show.get("tagline").asString()).isEmpty();
        assertThat(show.at("/seasons/0/episodes").size()).isEqualTo(5);
        assertThat(calls(TV_SHOW, id)).isEqualTo(2);

        var columns = jdbc.sql("select title, release_year, release_status from media_item where media_type = 'TV_SHOW' and provider_id = :id")
                .param("id", id).query().singleRow();
        assertThat(columns).containsEntry("title", "Lupin").containsEntry("release_year", 2021)
                .containsEntry("release_status", "Returning Series");
    }

    @Test
    void aShowOfTwentyFiveSeasonsIsStoredWholeInThreeCalls() {
        long id = newId();
        jikan().tmdb().showWithSeasons(id, 25);

        synced(TV_SHOW, id);
        JsonNode show = document(TV_SHOW, id).orElseThrow();

        assertThat(show.get("seasons").size()).isEqualTo(25);
        int episodes = 0;
        for (JsonNode season : show.get("seasons")) {
            assertThat(season.get("episodes").size()).isEqualTo(season.get("episodeCount").asInt()).isPositive();
            episodes += season.get("episodes").size();
        }
        assertThat(episodes).isEqualTo(show.get("numberOfEpisodes").asInt());
        assertThat(calls(TV_SHOW, id)).isLessThanOrEqualTo(3);
    }

    @Test
    void idsTmdbDoesNotKnowFailAsNotFoundAfterOneCall() {
        for (MediaType type : List.of(MOVIE, TV_SHOW)) {
            long id = missingId();
            assertThat(failed(type, id).code()).isEqualTo(type.notFound());
            assertThat(calls(type, id)).isEqualTo(1);
            assertThat(document(type, id)).isEmpty();
        }
    }

    @Test
    void tmdbsRecorded401IsACredentialsErrorNotRetried() {
        long id = newId();
        jikan().script().respond(SharedSimulator.tmdbPath("movie/" + id), 401, "tmdb/error-401-invalid-api-key.json");

        assertThat(failed(MOVIE, id).code()).isEqualTo(ErrorCode.TMDB_CREDENTIALS_REJECTED);
        assertThat(calls(MOVIE, id)).isEqualTo(1);
        assertThat(stateErrorCode(MOVIE, id)).isEqualTo("TMDB_CREDENTIALS_REJECTED");
    }

    @Test
    void tmdbsRecorded429IsRetriedThenUnavailable() {
        long id = newId();
        jikan().script().respond(SharedSimulator.tmdbPath("tv/" + id), 429, "tmdb/error-429-request-count-over-limit.json");

        var failed = failed(TV_SHOW, id);
        assertThat(failed.code()).isEqualTo(ErrorCode.TMDB_SERVICE_UNAVAILABLE);
        assertThat(failed.detail()).contains("429");
        assertThat(calls(TV_SHOW, id)).as("three attempts").isEqualTo(3);
    }

    @Test
    void aMovieBodyWithAWrongTypeFailsAsAnInvalidPayloadAndStoresNothing() {
        long id = newId();
        String drifted = Fixtures.body(HARRY_POTTER).replace("\"id\": 671,", "\"id\": " + id + ",")
                .replace("\"budget\": 125000000,", "\"budget\": \"lots\",");
        assertThat(drifted).contains("\"lots\"").contains("\"id\": " + id);
        jikan().script().respondBody(SharedSimulator.tmdbPath("movie/" + id), 200, drifted);

        var failed = failed(MOVIE, id);
        assertThat(failed.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
        assertThat(failed.detail()).contains("/movie/" + id, "budget");
        assertThat(document(MOVIE, id)).isEmpty();
        assertThat(state(MOVIE, id)).isEqualTo("failed");
    }

    /** A title no real item has (the store takes 1,000 characters): failed with a code at once, not retried until given up. */
    @Test
    void aMovieWhoseTitleIsLongerThanAnyRealTitleFailsAsAnInvalidPayloadAndStoresNothing() {
        long id = newId();
        harryPotterDrifted(id, "title", "Harry Potter ".repeat(400));

        assertInvalidAfterOneCall(id, "MOVIE:" + id, "a title of 5200 characters");
    }

    /** A 2 MB overview is refused while the body is read: nothing of the movie is stored. */
    @Test
    void aMovieBodyWithAHugeOverviewFailsAsAnInvalidPayloadAndStoresNothing() {
        long id = newId();
        harryPotterDrifted(id, "overview", "x".repeat(2 * 1024 * 1024));

        assertInvalidAfterOneCall(id, "/movie/" + id, "100000");
    }

    @Test
    void aShowBodyWithAWrongTypeFailsAsAnInvalidPayloadAndStoresNothing() {
        long id = newId();
        JsonNode lost = fixture(LOST);
        String drifted = json.writeValueAsString(((tools.jackson.databind.node.ObjectNode) lost.deepCopy())
                .put("id", id).put("seasons", 5));
        jikan().script().respondBody(SharedSimulator.tmdbPath("tv/" + id), 200, drifted);

        var failed = failed(TV_SHOW, id);
        assertThat(failed.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
        assertThat(failed.detail()).contains("/tv/" + id, "seasons");
        assertThat(document(TV_SHOW, id)).isEmpty();
        assertThat(state(TV_SHOW, id)).isEqualTo("failed");
        assertThat(calls(TV_SHOW, id)).as("no season call after a broken show").isEqualTo(1);
    }

    // --- helpers ---

    /** TMDB answers movie {@code id} with Harry Potter's recorded body, one text field drifted to {@code value}. */
    private void harryPotterDrifted(long id, String field, String value) {
        String drifted = json.writeValueAsString(((tools.jackson.databind.node.ObjectNode) fixture(HARRY_POTTER).deepCopy())
                .put("id", id).put(field, value));
        jikan().script().respondBody(SharedSimulator.tmdbPath("movie/" + id), 200, drifted);
    }

    private void assertInvalidAfterOneCall(long id, String... detail) {
        var failed = failed(MOVIE, id);
        assertThat(failed.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
        assertThat(failed.detail()).contains(detail);
        assertThat(state(MOVIE, id)).isEqualTo("failed");
        assertThat(calls(MOVIE, id)).as("a payload problem is not retried").isEqualTo(1);
    }

    private static long recordedAs(String kind, long recordedId) {
        long id = newId();
        jikan().tmdb().serveRecordedAs(kind, id, recordedId);
        return id;
    }

    private static int calls(MediaType type, long id) {
        return jikan().requests().count(SharedSimulator.tmdbPath(type.pathSegment() + "/" + id));
    }

    private void synced(MediaType type, long id) {
        try (var events = probe(Topics.SYNC_EVENTS)) {
            SyncEvent event = awaitEvent(events, request(type, id));
            assertThat(event).as(String.valueOf(event)).isInstanceOf(ItemSynced.class);
        }
    }

    private SyncFailed failed(MediaType type, long id) {
        try (var events = probe(Topics.SYNC_EVENTS)) {
            SyncEvent event = awaitEvent(events, request(type, id));
            assertThat(event).as(String.valueOf(event)).isInstanceOf(SyncFailed.class);
            assertThat(document(type, id)).isEmpty();
            return (SyncFailed) event;
        }
    }

    private JsonNode fixture(String path) {
        return json.readTree(Fixtures.body(path));
    }

    private void assertMovie(JsonNode movie, JsonNode tmdb, long id) {
        assertThat(movie.get("tmdbId").asLong()).isEqualTo(id);
        assertText(movie, tmdb, MOVIE_TEXT);
        for (String[] number : new String[][]{{"budget", "budget"}, {"revenue", "revenue"}, {"runtime", "runtime"}}) {
            assertThat(movie.get(number[0]).asLong()).as(number[0]).isEqualTo(tmdb.get(number[1]).asLong()).isPositive();
        }
        assertThat(movie.get("popularity").decimalValue()).isEqualByComparingTo(tmdb.get("popularity").decimalValue());
        assertLists(movie, tmdb);
        JsonNode collection = tmdb.get("belongs_to_collection");
        assertThat(tuples(List.of(movie.get("collection")), "tmdbId:id", "name", "posterPath:poster_path", "backdropPath:backdrop_path"))
                .isEqualTo(fixtureTuples(List.of(collection), "tmdbId:id", "name", "posterPath:poster_path", "backdropPath:backdrop_path"));
    }

    private void assertShow(JsonNode show, JsonNode tmdb, long id) {
        assertThat(show.get("tmdbId").asLong()).isEqualTo(id);
        assertText(show, tmdb, SHOW_TEXT);
        assertThat(show.get("inProduction").asBoolean()).isEqualTo(tmdb.get("in_production").asBoolean());
        assertThat(show.get("numberOfEpisodes").asInt()).isEqualTo(tmdb.get("number_of_episodes").asInt()).isPositive();
        assertThat(show.get("numberOfSeasons").asInt()).isEqualTo(tmdb.get("number_of_seasons").asInt()).isPositive();
        assertThat(show.get("episodeRunTime")).isEqualTo(tmdb.get("episode_run_time"));
        assertThat(show.get("languages")).isEqualTo(tmdb.get("languages"));
        assertThat(show.get("originCountry")).isEqualTo(tmdb.get("origin_country"));
        assertThat(show.get("popularity").decimalValue()).isEqualByComparingTo(tmdb.get("popularity").decimalValue());
        assertLists(show, tmdb);
        assertThat(tuples(show.get("createdBy"), "tmdbId:id", "name", "profilePath:profile_path", "creditId:credit_id"))
                .isEqualTo(fixtureTuples(tmdb.get("created_by"), "tmdbId:id", "name", "profilePath:profile_path", "creditId:credit_id"))
                .isNotEmpty();
        assertThat(tuples(show.get("networks"), COMPANY)).isEqualTo(fixtureTuples(tmdb.get("networks"), COMPANY)).isNotEmpty();
        assertThat(tuples(List.of(show.get("lastEpisodeToAir")), EPISODE))
                .isEqualTo(fixtureTuples(List.of(tmdb.get("last_episode_to_air")), EPISODE));
        assertThat(show.get("nextEpisodeToAir").isNull()).isEqualTo(tmdb.get("next_episode_to_air").isNull());
        String[] season = {"tmdbId:id", "seasonNumber:season_number", "name", "airDate:air_date", "posterPath:poster_path",
                "episodeCount:episode_count"};
        assertThat(tuples(show.get("seasons"), season)).isEqualTo(fixtureTuples(tmdb.get("seasons"), season))
                .hasSize(tmdb.get("seasons").size());
    }

    private static void assertText(JsonNode stored, JsonNode tmdb, String[][] fields) {
        for (String[] field : fields) {
            assertThat(stored.get(field[0]).asString()).as(field[0]).isEqualTo(tmdb.get(field[1]).asString());
        }
    }

    private static void assertLists(JsonNode stored, JsonNode tmdb) {
        assertThat(tuples(stored.get("productionCompanies"), COMPANY))
                .isEqualTo(fixtureTuples(tmdb.get("production_companies"), COMPANY)).isNotEmpty();
        assertThat(tuples(stored.get("productionCountries"), COUNTRY))
                .isEqualTo(fixtureTuples(tmdb.get("production_countries"), COUNTRY)).isNotEmpty();
        assertThat(tuples(stored.get("spokenLanguages"), LANGUAGE))
                .isEqualTo(fixtureTuples(tmdb.get("spoken_languages"), LANGUAGE)).isNotEmpty();
        assertThat(tuples(stored.get("genres"), GENRE)).isEqualTo(fixtureTuples(tmdb.get("genres"), GENRE)).isNotEmpty();
    }

    /** Fields {@code "stored:recorded"} (or one name for both) of each element, as text; TMDB's {@code ""} dates read as null. */
    private static List<List<String>> tuples(Iterable<JsonNode> array, String... fields) {
        return values(array, 0, fields);
    }

    private static List<List<String>> fixtureTuples(Iterable<JsonNode> array, String... fields) {
        return values(array, 1, fields);
    }

    private static List<List<String>> values(Iterable<JsonNode> array, int side, String... fields) {
        List<List<String>> tuples = new ArrayList<>();
        for (JsonNode element : array) {
            List<String> values = new ArrayList<>();
            for (String field : fields) {
                String[] names = field.split(":");
                JsonNode value = element.path(names.length == 2 ? names[side] : names[0]);
                values.add(value.isNull() || value.isMissingNode() || value.asString().isEmpty() && field.startsWith("airDate")
                        ? null : value.asString());
            }
            tuples.add(values);
        }
        return tuples;
    }
}
