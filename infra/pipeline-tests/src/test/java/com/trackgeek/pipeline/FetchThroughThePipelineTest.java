package com.trackgeek.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API consumer asks for anime the system has never seen: through the API, Kafka, the sync-worker, the fake
 * Jikan and PostgreSQL, and back.
 */
class FetchThroughThePipelineTest {

    private static final AtomicLong NEXT_ID = new AtomicLong(700_000);
    private final Pipeline pipeline = Pipeline.get();

    @Test
    void aMissingAnimeIsFetchedStoredWithTheProvidersValuesAndServedAgainWithoutAProviderCall() {
        long fmab = 5114;
        pipeline.jikan.serves(fmab);

        var first = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + fmab + "?wait=PT30S");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("title").asString()).isEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat(first.body().path("numberOfEpisodes").asInt()).isEqualTo(64);
        var row = Database.animeRow(fmab);
        assertThat(row.get("title")).isEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat((String) row.get("titles")).contains("FMAB", "Hagane no Renkinjutsushi: Fullmetal Alchemist");
        assertThat(row.get("number_of_episodes")).isEqualTo(64);
        assertThat(row.get("aired_from")).isEqualTo("2009-04-05");
        assertThat(row.get("aired_to")).isEqualTo("2010-07-04");
        assertThat((String) row.get("genres")).contains("Action", "Adventure", "Drama", "Fantasy");
        assertThat((String) row.get("studios")).contains("Bones");
        assertThat(row.get("characters")).isEqualTo(48);
        assertThat((String) row.get("character_names")).contains("Kirigaya, Kazuto", "Papenbrook, Bryce");
        assertThat(row.get("staff")).isEqualTo(92);
        assertThat((String) row.get("staff_names")).contains("Iwakami, Atsuhiro");
        int providerCalls = pipeline.jikan.calls(fmab);
        assertThat(providerCalls).as("full, characters, staff, videos").isEqualTo(4);

        var second = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + fmab);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("title").asString()).isEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat(pipeline.jikan.calls(fmab)).as("the second GET makes no provider call").isEqualTo(providerCalls);
    }

    @Test
    void fiftyConcurrentGetsForOneMissingAnimeOnTwoApiInstancesMakeOneProviderFetch() {
        long id = NEXT_ID.incrementAndGet();
        pipeline.jikan.serves(id);
        try (var secondApi = pipeline.startApi()) {
            List<String> instances = List.of(pipeline.apiUrl(), Pipeline.urlOf(secondApi));
            var answers = ApiCalls.getConcurrently(IntStream.range(0, 50)
                    .mapToObj(i -> instances.get(i % 2) + "/api/v1/anime/" + id + "?wait=PT60S").toList());

            for (var answer : answers) {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body().path("title").asString()).isEqualTo("Fullmetal Alchemist: Brotherhood");
            }
        }
        assertThat(pipeline.jikan.fullCalls(id)).isEqualTo(1);
    }

    @Test
    void anAnimeJikanDoesNotKnowIsA404WithItsCode() {
        long id = NEXT_ID.incrementAndGet();
        pipeline.jikan.answersNotFound(id);

        var answer = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + id + "?wait=PT30S");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("ANIME_NOT_FOUND");
        assertThat(ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + id + "?wait=PT30S").status()).isEqualTo(404);
        assertThat(pipeline.jikan.fullCalls(id)).as("the 404 is remembered").isEqualTo(1);
    }

    @Test
    void jikanAnswering5xxIsA503AndTheSameRequestSucceedsOnceJikanRecovers() {
        long id = NEXT_ID.incrementAndGet();
        pipeline.jikan.failsWith500(id);

        var down = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + id + "?wait=PT30S");

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("JIKAN_SERVICE_UNAVAILABLE");

        pipeline.jikan.forget(id);
        pipeline.jikan.serves(id);
        var recovered = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + id + "?wait=PT30S");

        assertThat(recovered.status()).isEqualTo(200);
        assertThat(recovered.body().path("malId").asLong()).isEqualTo(id);
    }

    @Test
    void jikanTimingOutIsA503AndTheSameRequestSucceedsOnceJikanRecovers() {
        long id = NEXT_ID.incrementAndGet();
        pipeline.jikan.answersTooSlowly(id, 3_000);

        var down = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + id + "?wait=PT30S");

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("JIKAN_SERVICE_UNAVAILABLE");

        pipeline.jikan.forget(id);
        pipeline.jikan.serves(id);
        assertThat(ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + id + "?wait=PT30S").status()).isEqualTo(200);
    }
}
