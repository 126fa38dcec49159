package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The six media types from their four providers, each the same way: a GET for an item not stored yet is
 * fetched from its provider (faked with the real recorded bodies) while the caller waits, stored as the
 * type's catalog record, served with its fields, and embedded for similar titles.
 */
class EveryMediaTypeThroughThePipelineTest {

    private final Pipeline pipeline = Pipeline.get();

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            anime | 5114   | /title | Fullmetal Alchemist: Brotherhood
            manga | 25     | /title | Fullmetal Alchemist
            movie | 671    | /title | Harry Potter and the Philosopher's Stone
            movie | 607    | /title | Men in Black
            tv    | 4607   | /name  | Lost
            tv    | 96677  | /name  | Lupin
            game  | 19560  | /title | God of War
            book  | 328491 | /title | Harry Potter and the Sorcerer's Stone
            """)
    void aRecordedItemOfEveryTypeIsFetchedStoredServedAndEmbedded(String type, long id, String titleField, String title) {
        var answer = ApiCalls.get(pipeline.apiUrl(), "/api/v1/" + type + "/" + id + "?wait=PT30S");

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().at(titleField).asString()).isEqualTo(title);
        MediaType mediaType = MediaType.fromPathSegment(type).orElseThrow();
        assertThat(Database.document(mediaType, id).at(titleField).asString()).isEqualTo(title);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(Database.syncState(mediaType, id)).as("embedded after the sync").startsWith("fresh"));
    }

    @Test
    void twentyConcurrentGetsForOneMissingMovieMakeOneProviderCall() {
        long id = 773_001;
        var answers = ApiCalls.getConcurrently(IntStream.range(0, 20)
                .mapToObj(i -> pipeline.apiUrl() + "/api/v1/movie/" + id + "?wait=PT30S").toList());

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(pipeline.providers.requests().count("/tmdb/3/movie/" + id)).isEqualTo(1);
    }
}
