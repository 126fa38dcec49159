package com.trackgeek.simulator.tmdb;

import com.trackgeek.simulator.SimulatorTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMDB's change feeds: the ids a test says changed, in the days asked (by default the last day), 100 a page, as
 * {@code {"id","adult"}} entries; a range over 14 days is TMDB's 422 with status code 20.
 */
@SimulatorTest
@TestPropertySource(properties = "simulator.tmdb.rate-limit.enabled=false")
class TmdbChangesEndpointsTest {

    private final TmdbHttp tmdb;
    private final TmdbScript script;

    @Autowired
    TmdbChangesEndpointsTest(MockMvcTester mvc, JsonMapper json, TmdbScript script) {
        this.tmdb = new TmdbHttp(mvc, json);
        this.script = script;
    }

    @AfterEach
    void forget() {
        script.reset();
    }

    @Test
    void theIdsScriptedAsChangedOnADayInTheRangeAreListedOnceEach() {
        script.changed("movie", Instant.parse("2022-11-10T08:00:00Z"), 3, 5, 8);
        script.changed("movie", Instant.parse("2022-11-11T23:59:00Z"), 5);
        script.changed("movie", Instant.parse("2022-11-13T00:00:00Z"), 13);
        script.changed("tv", Instant.parse("2022-11-10T08:00:00Z"), 21);

        JsonNode movies = tmdb.ok("/movie/changes?start_date=2022-11-10&end_date=2022-11-11");
        JsonNode shows = tmdb.ok("/tv/changes?start_date=2022-11-10&end_date=2022-11-11");

        assertThat(ids(movies)).containsExactly(3L, 5L, 8L);
        assertThat(movies.at("/results/0/adult").asBoolean(true)).isFalse();
        assertThat(movies.get("total_results").asInt()).isEqualTo(3);
        assertThat(movies.get("total_pages").asInt()).isEqualTo(1);
        assertThat(ids(shows)).containsExactly(21L);
    }

    @Test
    void withoutDatesTheFeedIsTheLastDayOfTheSimulatedClock() {
        script.changed("movie", Instant.parse("2022-11-15T06:00:00Z"), 7);
        script.changed("movie", Instant.parse("2022-11-01T06:00:00Z"), 9);

        assertThat(ids(tmdb.ok("/movie/changes"))).containsExactly(7L);
    }

    @Test
    void pagesHoldAHundredIds() {
        script.changed("movie", Instant.parse("2022-11-12T10:00:00Z"), LongStream.rangeClosed(1, 250).toArray());

        JsonNode first = tmdb.ok("/movie/changes?start_date=2022-11-12&end_date=2022-11-12");
        JsonNode third = tmdb.ok("/movie/changes?start_date=2022-11-12&end_date=2022-11-12&page=3");

        assertThat(first.get("results")).hasSize(100);
        assertThat(first.get("total_pages").asInt()).isEqualTo(3);
        assertThat(first.get("total_results").asInt()).isEqualTo(250);
        assertThat(ids(third)).hasSize(50).startsWith(201L);
    }

    @Test
    void aRangeOfMoreThanFourteenDaysABadDateAndABadPageAreRefusedAsTmdbDoes() {
        var tooLong = tmdb.get("/movie/changes?start_date=2022-10-01&end_date=2022-10-16");
        var fourteen = tmdb.get("/movie/changes?start_date=2022-10-01&end_date=2022-10-15");
        var badDate = tmdb.get("/tv/changes?start_date=01-10-2022");
        var badPage = tmdb.get("/tv/changes?page=0");

        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body().get("status_code").asInt()).isEqualTo(20);
        assertThat(fourteen.status()).isEqualTo(200);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().get("status_code").asInt()).isEqualTo(23);
        assertThat(badPage.body().get("status_code").asInt()).isEqualTo(22);
    }

    private static List<Long> ids(JsonNode answer) {
        return answer.get("results").valueStream().map(entry -> entry.get("id").asLong()).toList();
    }
}
