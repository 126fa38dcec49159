package com.trackgeek.sync.provider.tmdb;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.CircuitBreakerSettings;
import com.trackgeek.sync.provider.IdPage;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.ProviderSettings;
import com.trackgeek.sync.provider.RetrySettings;
import com.trackgeek.sync.ratelimit.BudgetSettings;
import com.trackgeek.sync.ratelimit.ProviderBudgets;
import com.trackgeek.sync.ratelimit.RateLimitWindow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * TMDB lists its popular and top-rated movies and shows 20 ids a call, stops at its 500-page cap, and lists a
 * whole catalog from its daily id export file when one is configured, without a call.
 */
class TmdbListIdsTest {

    private static final String MOVIE_POPULAR = SharedSimulator.tmdbPath("movie/popular");

    private final EmbeddedSimulator tmdb = SharedSimulator.simulator();

    @TempDir
    Path folder;

    @Test
    void popularMoviesArePagesOfTwentyThatTheFakeAlsoServesById() {
        MetadataProvider provider = provider(SharedSimulator.TMDB_API_KEY, TmdbProperties.IdExport.none());
        int callsBefore = tmdb.requests().count(MOVIE_POPULAR);

        IdPage first = provider.listIds(new BulkSelector.TopList(MediaType.MOVIE, "popular"), 1);
        IdPage second = provider.listIds(new BulkSelector.TopList(MediaType.MOVIE, "popular"), 2);

        assertThat(first.ids()).hasSize(20);
        assertThat(second.ids()).hasSize(20).doesNotContainAnyElementsOf(first.ids());
        assertThat(first.hasMore()).isTrue();
        assertThat(first.total()).isEqualTo(second.total()).isGreaterThan(40L);
        assertThat(tmdb.requests().count(MOVIE_POPULAR) - callsBefore).isEqualTo(2);
        assertThat(provider.fetch(MediaKey.of(MediaType.MOVIE, second.ids().getLast())))
                .as("a listed id is a movie the fake serves").isNotNull();
    }

    @Test
    void topRatedShowsAreListedAndTheLastPageIsTmdbsFiveHundredth() {
        MetadataProvider provider = provider(SharedSimulator.TMDB_API_KEY, TmdbProperties.IdExport.none());
        var topRated = new BulkSelector.TopList(MediaType.TV_SHOW, "top_rated");

        IdPage first = provider.listIds(topRated, 1);
        IdPage last = provider.listIds(topRated, 500);
        int callsBefore = tmdb.requests().count(SharedSimulator.tmdbPath("tv/top_rated"));
        IdPage past = provider.listIds(topRated, 501);

        assertThat(first.ids()).hasSize(20);
        assertThat(last.hasMore()).isFalse();
        assertThat(past.ids()).isEmpty();
        assertThat(tmdb.requests().count(SharedSimulator.tmdbPath("tv/top_rated"))).as("no call past the cap").isEqualTo(callsBefore);
        assertThat(provider.topLists(MediaType.TV_SHOW)).containsExactlyInAnyOrder("popular", "top_rated");
    }

    @Test
    void aCatalogIsTheDailyExportFilePagedByTenThousand() throws IOException {
        Path export = folder.resolve("movie_ids_12_02_2026.json.gz");
        List<Long> ids = new ArrayList<>();
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(export));
             Writer lines = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (long id = 1; id <= 12_345; id++) {
                long movieId = id * 3;
                ids.add(movieId);
                lines.write("{\"adult\":false,\"id\":" + movieId + ",\"original_title\":\"Movie " + id
                        + "\",\"popularity\":" + (id % 97) / 10.0 + ",\"video\":false}\n");
            }
        }
        MetadataProvider provider = provider(SharedSimulator.TMDB_API_KEY, new TmdbProperties.IdExport(export.toString(), ""));
        var catalog = new BulkSelector.Catalog(MediaType.MOVIE);

        IdPage first = provider.listIds(catalog, 1);
        IdPage second = provider.listIds(catalog, 2);

        assertThat(first.ids()).containsExactlyElementsOf(ids.subList(0, 10_000));
        assertThat(first.hasMore()).isTrue();
        assertThat(first.total()).isEqualTo(12_345L);
        assertThat(second.ids()).containsExactlyElementsOf(ids.subList(10_000, 12_345));
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void aConfiguredExportFileThatIsNotThereFailsTheListingNamingTheFile() {
        Path missing = folder.resolve("tv_series_ids_12_02_2026.json.gz");
        MetadataProvider provider = provider(SharedSimulator.TMDB_API_KEY, new TmdbProperties.IdExport("", missing.toString()));

        var failure = catchThrowableOfType(ProviderException.class,
                () -> provider.listIds(new BulkSelector.Catalog(MediaType.TV_SHOW), 1));

        assertThat(failure.code()).isEqualTo(ErrorCode.TMDB_SERVICE_UNAVAILABLE);
        assertThat(failure.getMessage()).contains(missing.toString());
    }

    @Test
    void aCatalogWithoutItsExportFileIsNotSupportedAndNamesTheSetting() {
        MetadataProvider provider = provider(SharedSimulator.TMDB_API_KEY, TmdbProperties.IdExport.none());

        var failure = catchThrowableOfType(ProviderException.class,
                () -> provider.listIds(new BulkSelector.Catalog(MediaType.TV_SHOW), 1));

        assertThat(failure.code()).isEqualTo(ErrorCode.BULK_SELECTOR_NOT_SUPPORTED);
        assertThat(failure.getMessage()).contains("trackgeek.providers.tmdb.id-export.tv-file");
    }

    @Test
    void aListTmdbDoesNotHaveIsNotSupportedAndWithoutCredentialsTheListsAreOff() {
        var unknown = catchThrowableOfType(ProviderException.class, () -> provider(SharedSimulator.TMDB_API_KEY, TmdbProperties.IdExport.none())
                .listIds(new BulkSelector.TopList(MediaType.MOVIE, "trending"), 1));
        var off = catchThrowableOfType(ProviderException.class, () -> provider(null, TmdbProperties.IdExport.none())
                .listIds(new BulkSelector.TopList(MediaType.MOVIE, "popular"), 1));

        assertThat(unknown.code()).isEqualTo(ErrorCode.BULK_SELECTOR_NOT_SUPPORTED);
        assertThat(unknown.getMessage()).contains("top_rated");
        assertThat(off.code()).isEqualTo(ErrorCode.TMDB_NOT_CONFIGURED);
    }

    private MetadataProvider provider(String apiKey, TmdbProperties.IdExport idExport) {
        var properties = new TmdbProperties(URI.create(tmdb.tmdbBaseUrl()), apiKey, null, Duration.ofSeconds(1), Duration.ofSeconds(5),
                List.of(new RateLimitWindow(100, Duration.ofSeconds(1), 10)),
                new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50)),
                new CircuitBreakerSettings(50, 1000, Duration.ofSeconds(30)), idExport);
        var metrics = new SimpleMeterRegistry();
        return new TmdbConfiguration().tmdbProvider(properties, new ProviderSettings(Duration.ofMillis(50)),
                RestClient.builder(), ProviderBudgets.inProcess(BudgetSettings.defaults().withBulkShare(1.0), metrics), metrics);
    }
}
