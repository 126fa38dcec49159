package com.trackgeek.sync.provider.tmdb;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.Movie;
import com.trackgeek.contracts.catalog.TvShow;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.CircuitBreakerSettings;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.ProviderSettings;
import com.trackgeek.sync.provider.RetrySettings;
import com.trackgeek.sync.ratelimit.BudgetSettings;
import com.trackgeek.sync.ratelimit.ProviderBudgets;
import com.trackgeek.sync.ratelimit.RateLimitWindow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The TMDB provider on its own: its credentials, what leaves it in messages, and the calls a fetch spends. */
@ExtendWith(OutputCaptureExtension.class)
class TmdbProviderTest {

    private static final AtomicLong NEXT_ID = new AtomicLong(930_000);
    private static final String SECRET_KEY = "s3cret-v3-key-that-must-never-show";

    private final EmbeddedSimulator tmdb = SharedSimulator.simulator();

    @Test
    void withoutCredentialsTheProviderIsOffNamesBothSettingsAndCallsNothing() {
        long id = NEXT_ID.incrementAndGet();
        var provider = provider(tmdb.tmdbBaseUrl(), null, " ");

        assertThat(provider.missingSettings())
                .containsExactly("TRACKGEEK_PROVIDERS_TMDB_API_KEY or TRACKGEEK_PROVIDERS_TMDB_BEARER_TOKEN");
        var failure = catchThrowableOfType(ProviderException.class, () -> provider.fetch(MediaKey.of(MediaType.MOVIE, id)));
        assertThat(failure.code()).isEqualTo(ErrorCode.TMDB_NOT_CONFIGURED);
        assertThat(tmdb.requests().count(SharedSimulator.tmdbPath(".*/" + id))).isZero();
    }

    @Test
    void eitherCredentialTurnsItOn() {
        assertThat(provider(tmdb.tmdbBaseUrl(), SharedSimulator.TMDB_API_KEY, null).missingSettings()).isEmpty();
        assertThat(provider(tmdb.tmdbBaseUrl(), null, "a-v4-token").missingSettings()).isEmpty();
    }

    @Test
    void aBearerTokenIsSentAsAnAuthorizationHeader() {
        long id = NEXT_ID.incrementAndGet();
        tmdb.tmdb().serveRecordedAs("movie", id, 671);

        // The shared simulator accepts only its one api_key, but any bearer token: this passes only with the header.
        var movie = (Movie) provider(tmdb.tmdbBaseUrl(), null, "any-v4-token").fetch(MediaKey.of(MediaType.MOVIE, id));

        assertThat(movie.title()).isEqualTo("Harry Potter and the Philosopher's Stone");
    }

    @Test
    void aWrongKeyIsRefusedOnceAsCredentialsRejectedWithoutShowingTheKey(CapturedOutput output) {
        long id = NEXT_ID.incrementAndGet();

        var failure = catchThrowableOfType(ProviderException.class,
                () -> provider(tmdb.tmdbBaseUrl(), SECRET_KEY, null).fetch(MediaKey.of(MediaType.MOVIE, id)));

        assertThat(failure.code()).isEqualTo(ErrorCode.TMDB_CREDENTIALS_REJECTED);
        assertThat(tmdb.requests().count(SharedSimulator.tmdbPath("movie/" + id))).as("not retried").isEqualTo(1);
        assertNowhere(failure, output);
    }

    @Test
    void anUnreachableTmdbNeverShowsTheKeyInTheFailure(CapturedOutput output) {
        var failure = catchThrowableOfType(ProviderException.class,
                () -> provider("http://127.0.0.1:1/3", SECRET_KEY, null).fetch(MediaKey.of(MediaType.MOVIE, 671)));

        assertThat(failure.code()).isEqualTo(ErrorCode.TMDB_SERVICE_UNAVAILABLE);
        assertThat(failure.getMessage()).contains("unreachable");
        assertNowhere(failure, output);
    }

    @Test
    void anIoFailureNamingTheUriIsMaskedBeforeItLeavesTheClient() {
        var credentials = TmdbCredentials.of(properties("http://localhost/3", SECRET_KEY, null));
        var failure = new org.springframework.web.client.ResourceAccessException(
                "I/O error on GET request for \"http://tmdb/3/movie/1?append_to_response=credits&api_key=" + SECRET_KEY
                        + "\": connection reset by " + SECRET_KEY, new java.net.ConnectException("refused"));

        var masked = credentials.masked(failure);

        assertThat(masked.getMessage()).doesNotContain(SECRET_KEY).contains("api_key=[redacted]", "connection reset by [redacted]");
        assertThat(masked.getCause()).isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void thePropertiesNeverPrintTheirCredentials() {
        var properties = properties("http://localhost/3", SECRET_KEY, "a-secret-v4-token");

        assertThat(properties.toString()).doesNotContain(SECRET_KEY, "a-secret-v4-token").contains("apiKey=(set)");
    }

    @Test
    void aShowOfTwentyFiveSeasonsCostsThreeCalls() {
        long id = NEXT_ID.incrementAndGet();
        tmdb.tmdb().showWithSeasons(id, 25);

        var show = (TvShow) provider(tmdb.tmdbBaseUrl(), SharedSimulator.TMDB_API_KEY, null).fetch(MediaKey.of(MediaType.TV_SHOW, id));

        assertThat(show.seasons()).hasSize(25).allSatisfy(season ->
                assertThat(season.episodes()).isNotEmpty().hasSize(season.episodeCount()));
        assertThat(tmdb.requests().count(SharedSimulator.tmdbPath("tv/" + id))).isEqualTo(3);
    }

    private static void assertNowhere(Throwable failure, CapturedOutput output) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage())).doesNotContain(SECRET_KEY);
        }
        assertThat(output.getAll()).doesNotContain(SECRET_KEY);
    }

    /** A TMDB provider as the worker builds it, on {@code baseUrl}; other test classes of the package use it too. */
    static MetadataProvider provider(String baseUrl, String apiKey, String bearerToken) {
        return new TmdbConfiguration().tmdbProvider(properties(baseUrl, apiKey, bearerToken),
                new ProviderSettings(Duration.ofMillis(50)), RestClient.builder(),
                ProviderBudgets.inProcess(BudgetSettings.defaults().withBulkShare(1.0), new SimpleMeterRegistry()),
                new SimpleMeterRegistry());
    }

    private static TmdbProperties properties(String baseUrl, String apiKey, String bearerToken) {
        return new TmdbProperties(URI.create(baseUrl), apiKey, bearerToken, Duration.ofSeconds(1), Duration.ofSeconds(5),
                List.of(new RateLimitWindow(100, Duration.ofSeconds(1), 10)),
                new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(100)),
                new CircuitBreakerSettings(50, 1000, Duration.ofSeconds(30)), TmdbProperties.IdExport.none());
    }
}
