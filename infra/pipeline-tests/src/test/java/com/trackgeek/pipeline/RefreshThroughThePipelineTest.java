package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A refresh on request through the whole pipeline: the API's guard, the sync worker fetching the item again from the
 * simulated Jikan, and the API serving the new data once it is stored.
 */
class RefreshThroughThePipelineTest {

    private final Pipeline pipeline = Pipeline.get();

    @Test
    void aRefreshFetchesTheItemAgainAndTheNewDataIsServed() {
        long id = 760_001;
        String path = "/api/v1/anime/" + id;
        pipeline.providers.jikan().serveRecordedAs("anime", id, 5114);
        var first = ApiCalls.get(pipeline.apiUrl(), path + "?wait=PT30S");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("title").asString()).isEqualTo("Fullmetal Alchemist: Brotherhood");

        var tooSoon = ApiCalls.post(pipeline.apiUrl(), path + "/refresh", Pipeline.REFRESH_KEY);
        assertThat(tooSoon.status()).isEqualTo(409);
        assertThat(tooSoon.code()).isEqualTo("ANIME_ALREADY_REFRESHED");
        assertThat(Instant.parse(tooSoon.body().path("retryAt").asString())).isAfter(Instant.now().plus(Duration.ofHours(23)));

        // A day later, and the provider's data has changed meanwhile.
        Database.backdateSync(MediaType.ANIME, id, 25);
        pipeline.providers.jikan().serveRecordedAs("anime", id, 11757);
        int calls = pipeline.jikanCalls("/anime/" + id + "/full");

        var accepted = ApiCalls.post(pipeline.apiUrl(), path + "/refresh", Pipeline.REFRESH_KEY);

        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        assertThat(accepted.location()).startsWith("/api/v1/sync-requests/");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ApiCalls.get(pipeline.apiUrl(), path).body().path("title").asString())
                        .isNotEqualTo("Fullmetal Alchemist: Brotherhood"));
        var refreshed = ApiCalls.get(pipeline.apiUrl(), path).body();
        String newTitle = Database.document(MediaType.ANIME, id).path("title").asString();
        assertThat(newTitle).as("the recorded body of 11757").isNotBlank().isNotEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat(refreshed.path("title").asString()).isEqualTo(newTitle);
        assertThat(Instant.parse(refreshed.at("/sync/lastSyncedAt").asString()))
                .isAfter(Instant.parse(first.body().at("/sync/lastSyncedAt").asString()));
        assertThat(pipeline.jikanCalls("/anime/" + id + "/full")).isEqualTo(calls + 1);
        assertThat(ApiCalls.get(pipeline.apiUrl(), accepted.location()).body().path("status").asString())
                .isEqualTo("done");
    }
}
