package com.trackgeek.pipeline;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment without TMDB credentials still starts and serves everything else: movies and TV shows answer
 * 503 with a code that names the missing configuration, anime is fetched as always.
 */
class ProviderNotConfiguredTest {

    private final Pipeline pipeline = Pipeline.get();

    @Test
    void withoutTmdbCredentialsMoviesAnswer503WithTheirCodeAndAnimeStillWorks() {
        pipeline.restartSyncWorkerWith(Map.of("trackgeek.providers.tmdb.api-key", ""));
        try {
            var movie = ApiCalls.get(pipeline.apiUrl(), "/api/v1/movie/772001?wait=PT30S");
            var show = ApiCalls.get(pipeline.apiUrl(), "/api/v1/tv/772002?wait=PT30S");
            var anime = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/772003?wait=PT30S");

            assertThat(movie.status()).isEqualTo(503);
            assertThat(movie.code()).isEqualTo("TMDB_NOT_CONFIGURED");
            assertThat(movie.body().path("detail").asString()).isEqualTo(
                    "TMDB is not configured in this deployment (its credentials are missing), so movie 772001 cannot be fetched.");
            assertThat(show.code()).isEqualTo("TMDB_NOT_CONFIGURED");
            assertThat(anime.status()).isEqualTo(200);
            assertThat(pipeline.console.text()).as("the worker says once which provider is off and what it needs")
                    .contains("Providers off until their credentials are configured: TMDB")
                    .contains("TRACKGEEK_PROVIDERS_TMDB_API_KEY");
            assertThat(pipeline.providers.requests().count("/tmdb/3/.*/77200[12]")).as("no call without credentials").isZero();
        } finally {
            pipeline.restartSyncWorkerWith(Map.of());
        }
    }
}
