package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.JsonShape;
import com.trackgeek.simulator.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

@SimulatorTest
class AnimeEndpointsTest {

    private static final JsonNode FMAB_FULL = Fixtures.read("jikan/anime-5114-fmab-full-readme-example.json");

    private final JikanClient jikan;

    @Autowired
    AnimeEndpointsTest(MockMvcTester mvc, JsonMapper jsonMapper) {
        this.jikan = new JikanClient(mvc, jsonMapper);
    }

    @Test
    void fullBodyOfARecordedAnimeIsTheFixture() {
        JsonNode body = jikan.getOk("/anime/5114/full");

        assertThat(body.at("/data/title").asString()).isEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat(body).isEqualTo(FMAB_FULL);
    }

    @Test
    void plainEndpointLeavesOutTheFullOnlyKeys() {
        JsonNode data = jikan.getOk("/anime/5114").get("data");

        assertThat(data.get("title").asString()).isEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat(data.propertyNames()).doesNotContainAnyElementsOf(AnimeShape.FULL_ONLY_KEYS);
    }

    @Test
    void animeRecordedOnlyInsideASearchOrSeasonListIsServedById() {
        JsonNode naruto = jikan.getOk("/anime/20/full").get("data");
        JsonNode violetEvergarden = jikan.getOk("/anime/33352").get("data");

        assertThat(naruto.get("title").asString()).isEqualTo("Naruto");
        assertThat(violetEvergarden.get("title").asString()).isEqualTo("Violet Evergarden");
        // A plain recorded body is given /full's extra keys, empty.
        assertThat(naruto.get("relations").isArray()).isTrue();
        assertThat(naruto.get("relations").isEmpty()).isTrue();
        assertThat(naruto.at("/theme/openings").isArray()).isTrue();
        assertThat(naruto.get("streaming").isEmpty()).isTrue();
        JsonShape.assertSameShape(FMAB_FULL.get("data"), naruto);
    }

    @Test
    void unknownIdGetsADeterministicSynthesisedBodyWithEveryKeyOfRealFull() {
        JsonNode first = jikan.getOk("/anime/123456/full");
        JsonNode second = jikan.getOk("/anime/123456/full");

        assertThat(second).isEqualTo(first);
        JsonNode data = first.get("data");
        assertThat(data.get("mal_id").asLong()).isEqualTo(123456);
        assertThat(data.get("url").asString()).startsWith("https://myanimelist.net/anime/123456/");
        assertThat(data.get("title").asString()).isNotBlank();
        JsonShape.assertSameShape(FMAB_FULL.get("data"), data);
        assertThat(jikan.getOk("/anime/123457/full")).isNotEqualTo(first);
    }

    /** Ids from every synthesis path: unlisted, past, current and upcoming season, top list. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 999, 64_000, 87_200, 88_700, 89_100, 89_105, 89_200, 89_210, 96_001, 96_500, 250_000})
    void everySynthesisedBodyHasRealFullShape(long malId) {
        JsonNode data = jikan.getOk("/anime/" + malId + "/full").get("data");

        JsonShape.assertSameShape(FMAB_FULL.get("data"), data);
        assertThat(data.get("mal_id").asLong()).isEqualTo(malId);
        assertThat(data.get("airing").asBoolean()).isEqualTo("Currently Airing".equals(data.get("status").asString()));
    }

    @Test
    void upcomingSynthesisedAnimeHasNoScoreYet() {
        // Winter 2023 is upcoming on the test clock (November 2022).
        JsonNode data = jikan.getOk("/anime/89200/full").get("data");

        assertThat(data.get("season").asString()).isEqualTo("winter");
        assertThat(data.get("year").asInt()).isEqualTo(2023);
        assertThat(data.get("status").asString()).isEqualTo("Not yet aired");
        assertThat(data.get("score").isNull()).isTrue();
        assertThat(data.get("rank").isNull()).isTrue();
        assertThat(data.at("/aired/to").isNull()).isTrue();
    }

    @Test
    void currentSeasonSynthesisedAnimeIsAiring() {
        // Fall 2022 is the test clock's season; its shows premiered in October and run at least 12 weeks.
        JsonNode data = jikan.getOk("/anime/89100/full").get("data");

        assertThat(data.get("season").asString()).isEqualTo("fall");
        assertThat(data.get("year").asInt()).isEqualTo(2022);
        assertThat(data.get("status").asString()).isEqualTo("Currently Airing");
        assertThat(data.get("airing").asBoolean()).isTrue();
        assertThat(data.at("/aired/to").isNull()).isTrue();
        assertThat(data.at("/aired/string").asString()).endsWith(" to ?");
    }

    @Test
    void synthesisedPlainBodyIsTheFullBodyWithoutItsFullOnlyKeys() {
        JsonNode full = jikan.getOk("/anime/4242/full").get("data").deepCopy();
        JsonNode plain = jikan.getOk("/anime/4242").get("data");

        assertThat(plain).isEqualTo(((ObjectNode) full).remove(AnimeShape.FULL_ONLY_KEYS));
    }

    @Test
    void idsAboveTheThresholdOrBelowOneAnswerJikansNotFound() {
        JsonNode expected = Fixtures.read("jikan/error-404-anime-not-found.json");

        for (String path : new String[] {"/anime/1000001/full", "/anime/1000001", "/anime/0", "/anime/-1/full",
                "/anime/2000000/characters", "/anime/0/staff", "/anime/1000001/videos"}) {
            JikanClient.Response response = jikan.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo(expected);
        }
        assertThat(jikan.get("/anime/1000000/full").status()).isEqualTo(200);
    }

    @Test
    void nonNumericIdIsABadRequestInJikansErrorShape() {
        JikanClient.Response response = jikan.get("/anime/abc/full");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().propertyNames()).containsExactly("status", "type", "message", "error");
        assertThat(response.body().get("status").asInt()).isEqualTo(400);
    }

    @Test
    void pathsTheSimulatorDoesNotKnowAnswerJikansNotFound() {
        JikanClient.Response response = jikan.get("/producers/17");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(Fixtures.read("jikan/error-404-anime-not-found.json"));
    }
}
