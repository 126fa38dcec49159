package com.trackgeek.simulator.tmdb;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@SimulatorTest
@TestPropertySource(properties = "simulator.tmdb.rate-limit.enabled=false")
class TmdbEndpointsTest {

    private static final JsonNode HARRY_POTTER = Fixtures.read("tmdb/movie-671-harry-potter-philosophers-stone.json");
    private static final JsonNode MEN_IN_BLACK = Fixtures.read("tmdb/movie-607-men-in-black-append-credits-videos.json");
    private static final JsonNode FIGHT_CLUB_CREDITS = Fixtures.read("tmdb/movie-550-fight-club-credits.json");
    private static final JsonNode FIGHT_CLUB_VIDEOS = Fixtures.read("tmdb/movie-550-fight-club-videos.json");
    private static final JsonNode LOST = Fixtures.read("tmdb/tv-4607-lost.json");
    private static final JsonNode LOST_SEASON_1 = Fixtures.read("tmdb/tv-4607-season-1.json");
    private static final JsonNode LOST_SPECIALS = Fixtures.read("tmdb/tv-4607-season-0-specials.json");
    private static final JsonNode LUPIN = Fixtures.read("tmdb/tv-96677-lupin-append-aggregate-credits-etc.json");
    private static final JsonNode NOT_FOUND = Fixtures.read("tmdb/error-404-resource-not-found.json");

    private final TmdbHttp tmdb;
    private final TmdbScript script;

    @Autowired
    TmdbEndpointsTest(MockMvcTester mvc, JsonMapper json, TmdbScript script) {
        this.tmdb = new TmdbHttp(mvc, json);
        this.script = script;
    }

    @Test
    void aPlainRecordedMovieIsServedAsRecorded() {
        assertThat(tmdb.ok("/movie/671")).isEqualTo(HARRY_POTTER);
    }

    @Test
    void aRecordedMovieWithoutRecordedCreditsHasEmptyCreditsAndVideosWhenAsked() {
        JsonNode movie = tmdb.ok("/movie/671?append_to_response=credits,videos");

        assertThat(movie.get("title").asString()).isEqualTo("Harry Potter and the Philosopher's Stone");
        assertThat(movie.at("/credits/cast").isEmpty()).isTrue();
        assertThat(movie.at("/credits/crew").isEmpty()).isTrue();
        assertThat(movie.at("/videos/results").isEmpty()).isTrue();
    }

    @Test
    void aMovieRecordedWithAppendsAnswersOnlyTheAppendsAsked() {
        JsonNode plain = tmdb.ok("/movie/607");
        JsonNode appended = tmdb.ok("/movie/607?append_to_response=credits,videos");

        assertThat(plain.has("credits")).isFalse();
        assertThat(plain.has("reviews")).isFalse();
        assertThat(plain.get("budget")).isEqualTo(MEN_IN_BLACK.get("budget"));
        assertThat(appended.get("credits")).isEqualTo(MEN_IN_BLACK.get("credits"));
        assertThat(appended.get("videos")).isEqualTo(MEN_IN_BLACK.get("videos"));
        assertThat(appended.has("release_dates")).isFalse();
        ObjectNode expected = (ObjectNode) MEN_IN_BLACK.deepCopy();
        for (String append : List.of("external_ids", "release_dates", "reviews", "watch/providers")) {
            expected.remove(append);
        }
        assertThat(appended).isEqualTo(expected);
    }

    @Test
    void fightClubIsASynthesisedMovieWithItsRecordedCreditsAndVideos() {
        JsonNode movie = tmdb.ok("/movie/550?append_to_response=credits,videos");

        assertThat(movie.get("id").asLong()).isEqualTo(550);
        assertThat(movie.get("title").asString()).isNotBlank();
        assertThat(movie.get("credits")).isEqualTo(FIGHT_CLUB_CREDITS);
        assertThat(movie.get("videos")).isEqualTo(FIGHT_CLUB_VIDEOS);
        assertThat(tmdb.ok("/movie/550")).isEqualTo(tmdb.ok("/movie/550"));
    }

    @Test
    void aShowAnswersItsRecordedSeasonsAndSynthesisesTheOthersFromItsSeasonList() {
        String appends = IntStream.rangeClosed(0, 6).mapToObj(n -> "season/" + n).collect(Collectors.joining(","));
        JsonNode show = tmdb.ok("/tv/4607?append_to_response=credits," + appends);

        assertThat(show.get("name").asString()).isEqualTo("Lost");
        assertThat(show.get("seasons")).isEqualTo(LOST.get("seasons"));
        assertThat(show.get("season/0")).isEqualTo(LOST_SPECIALS);
        assertThat(show.get("season/1")).isEqualTo(LOST_SEASON_1);
        assertThat(show.at("/credits/cast").isEmpty()).isTrue();
        for (JsonNode summary : LOST.get("seasons")) {
            JsonNode season = show.get("season/" + summary.get("season_number").asInt());
            assertThat(season.get("name")).isEqualTo(summary.get("name"));
            assertThat(season.get("air_date")).isEqualTo(summary.get("air_date"));
            assertThat(season.get("poster_path")).isEqualTo(summary.get("poster_path"));
            if (summary.get("season_number").asInt() > 0) {
                assertThat(season.get("episodes").size()).as("season %s", summary.get("season_number"))
                        .isEqualTo(summary.get("episode_count").asInt());
            }
        }
        assertThat(show.has("season/7")).isFalse();
        assertThat(tmdb.ok("/tv/4607/season/3")).isEqualTo(show.get("season/3"));
    }

    @Test
    void lupinIsServedWithItsRecordedCredits() {
        JsonNode show = tmdb.ok("/tv/96677?append_to_response=credits,season/1");

        assertThat(show.get("credits")).isEqualTo(LUPIN.get("credits"));
        assertThat(show.has("aggregate_credits")).isFalse();
        assertThat(show.at("/season~11/episodes").size()).isEqualTo(5);
    }

    @Test
    void aShowWithOnlyARecordedSeasonIsSynthesisedAroundThatSeason() {
        JsonNode recorded = Fixtures.read("tmdb/tv-63333-season-1-append-credits-images-videos.json");

        JsonNode show = tmdb.ok("/tv/63333?append_to_response=season/1");

        assertThat(show.get("season/1")).isEqualTo(recorded);
        assertThat(show.at("/seasons/0/episode_count").asInt()).isEqualTo(recorded.get("episodes").size());
        assertThat(show.at("/seasons/0/air_date")).isEqualTo(recorded.get("air_date"));
    }

    @Test
    void aScriptedShowHasAsManySeasonsAsAsked() {
        script.showWithSeasons(777_001, 25);

        JsonNode show = tmdb.ok("/tv/777001?append_to_response=season/25");

        assertThat(show.get("number_of_seasons").asInt()).isEqualTo(25);
        assertThat(show.get("seasons").size()).isEqualTo(25);
        assertThat(show.at("/season~125/episodes").size()).isEqualTo(show.at("/seasons/24/episode_count").asInt()).isPositive();
    }

    @Test
    void aRecordedItemIsServedUnderAnotherIdWhenScripted() {
        script.serveRecordedAs("movie", 5_000_123, 671);

        JsonNode movie = tmdb.ok("/movie/5000123");

        assertThat(movie.get("id").asLong()).isEqualTo(5_000_123);
        assertThat(movie.get("title")).isEqualTo(HARRY_POTTER.get("title"));
    }

    @Test
    void synthesisedItemsAreDeterministicAndIdsAboveTheBoundAreNotFound() {
        assertThat(tmdb.ok("/movie/12345")).isEqualTo(tmdb.ok("/movie/12345"));
        assertThat(tmdb.ok("/tv/12345?append_to_response=season/1")).isEqualTo(tmdb.ok("/tv/12345?append_to_response=season/1"));

        for (String path : List.of("/movie/1000001", "/tv/1000001", "/movie/abc", "/search/person?query=x")) {
            TmdbHttp.Response missing = tmdb.get(path);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.body()).as(path).isEqualTo(NOT_FOUND);
        }
    }

    @Test
    void moreThanTwentyAppendsAreRefused() {
        List<String> appends = new ArrayList<>();
        IntStream.rangeClosed(1, 21).forEach(n -> appends.add("season/" + n));

        TmdbHttp.Response refused = tmdb.get("/tv/4607?append_to_response=" + String.join(",", appends));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("success").asBoolean()).isFalse();
        assertThat(tmdb.get("/tv/4607?append_to_response=" + String.join(",", appends.subList(0, 20))).status()).isEqualTo(200);
    }
}
