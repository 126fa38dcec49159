package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API consumer asks for anime the system has never seen: through the API, Kafka, the sync-worker, the
 * simulated Jikan (answering with the recorded bodies) and PostgreSQL, and back.
 */
class FetchThroughThePipelineTest {

    private static final AtomicLong NEXT_ID = new AtomicLong(700_000);
    private final Pipeline pipeline = Pipeline.get();

    @Test
    void aMissingAnimeIsFetchedStoredWithTheProvidersValuesAndServedAgainWithoutAProviderCall() {
        long fmab = 5114;

        var first = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + fmab + "?wait=PT30S");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("title").asString()).isEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat(first.body().path("numberOfEpisodes").asInt()).isEqualTo(64);
        var stored = Database.document(MediaType.ANIME, fmab);
        assertThat(stored.path("title").asString()).isEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat(stored.path("titles").findValuesAsString("title")).contains("FMAB", "Hagane no Renkinjutsushi: Fullmetal Alchemist");
        assertThat(stored.path("numberOfEpisodes").asInt()).isEqualTo(64);
        assertThat(stored.at("/aired/from").asString()).isEqualTo("2009-04-05T00:00:00Z");
        assertThat(stored.at("/aired/to").asString()).isEqualTo("2010-07-04T00:00:00Z");
        assertThat(stored.path("genres").findValuesAsString("name")).contains("Action", "Adventure", "Drama", "Fantasy");
        assertThat(stored.path("studios").findValuesAsString("name")).contains("Bones");
        assertThat(stored.path("characters").size()).as("synthesised: no characters body of 5114 was recorded").isPositive();
        int providerCalls = pipeline.jikanCalls("/anime/5114(/.*)?");
        assertThat(providerCalls).as("full, characters, staff, videos").isEqualTo(4);

        var second = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + fmab);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("title").asString()).isEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat(pipeline.jikanCalls("/anime/5114(/.*)?")).as("the second GET makes no provider call").isEqualTo(providerCalls);
    }

    @Test
    void theRecordedCharactersAndStaffOfAnAnimeAreStoredWithIt() {
        long sao = 11757;

        var answer = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + sao + "?wait=PT30S");

        assertThat(answer.status()).isEqualTo(200);
        var stored = Database.document(MediaType.ANIME, sao);
        assertThat(stored.path("characters").size()).isEqualTo(48);
        assertThat(stored.path("characters").findValuesAsString("name")).contains("Kirigaya, Kazuto", "Papenbrook, Bryce");
        assertThat(stored.path("staff").size()).isEqualTo(92);
        assertThat(stored.path("staff").findValuesAsString("name")).contains("Iwakami, Atsuhiro");
    }

    @Test
    void fiftyConcurrentGetsForOneMissingAnimeOnTwoApiInstancesMakeOneProviderFetch() {
        long id = NEXT_ID.incrementAndGet();
        pipeline.providers.jikan().serveRecordedAs("anime", id, 5114);
        try (var secondApi = pipeline.startApi()) {
            List<String> instances = List.of(pipeline.apiUrl(), Pipeline.urlOf(secondApi));
            var answers = ApiCalls.getConcurrently(IntStream.range(0, 50)
                    .mapToObj(i -> instances.get(i % 2) + "/api/v1/anime/" + id + "?wait=PT60S").toList());

            for (var answer : answers) {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body().path("title").asString()).isEqualTo("Fullmetal Alchemist: Brotherhood");
            }
        }
        assertThat(pipeline.jikanCalls("/anime/" + id + "/full")).isEqualTo(1);
    }

    @Test
    void anAnimeJikanDoesNotKnowIsA404WithItsCode() {
        long id = 5_000_000 + NEXT_ID.incrementAndGet(); // above the simulated MyAnimeList's last id

        var answer = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + id + "?wait=PT30S");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("ANIME_NOT_FOUND");
        assertThat(ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + id + "?wait=PT30S").status()).isEqualTo(404);
        assertThat(pipeline.jikanCalls("/anime/" + id + "/full")).as("the 404 is remembered").isEqualTo(1);
    }

    @Test
    void jikanAnswering5xxIsA503AndTheSameRequestSucceedsOnceJikanRecovers() {
        long id = NEXT_ID.incrementAndGet();
        String everyPath = Pipeline.JIKAN_PATH + "/anime/" + id + "(/.*)?";
        pipeline.providers.script().respond(everyPath, 500, "jikan/error-500-upstream-exception-anime-full.json");

        var down = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + id + "?wait=PT30S");

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("JIKAN_SERVICE_UNAVAILABLE");

        pipeline.providers.script().clear(everyPath);
        var recovered = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + id + "?wait=PT30S");

        assertThat(recovered.status()).isEqualTo(200);
        assertThat(recovered.body().path("malId").asLong()).isEqualTo(id);
    }

    @Test
    void jikanTimingOutIsA503AndTheSameRequestSucceedsOnceJikanRecovers() {
        long id = NEXT_ID.incrementAndGet();
        String everyPath = Pipeline.JIKAN_PATH + "/anime/" + id + "(/.*)?";
        pipeline.providers.script().delay(everyPath, Duration.ofSeconds(3));

        var down = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + id + "?wait=PT30S");

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("JIKAN_SERVICE_UNAVAILABLE");

        pipeline.providers.script().clear(everyPath);
        assertThat(ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + id + "?wait=PT30S").status()).isEqualTo(200);
    }
}
