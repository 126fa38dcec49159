package com.trackgeek.sync.provider.jikan;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.Anime;
import com.trackgeek.contracts.catalog.Manga;
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
import com.trackgeek.testsupport.Fixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Jikan provider against the simulated Jikan: which calls a fetch spends and how Jikan's answers end. */
class JikanProviderTest {

    private static final AtomicLong NEXT_ID = new AtomicLong(920_000);

    private final EmbeddedSimulator jikan = SharedSimulator.simulator();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Test
    void aMangaIsItsFullBodyPlusItsCharacters() {
        long id = NEXT_ID.incrementAndGet();
        jikan.jikan().serveRecordedAs("manga", id, 25);

        var manga = (Manga) provider().fetch(MediaKey.of(MediaType.MANGA, id));

        assertThat(manga.malId()).isEqualTo(id);
        assertThat(manga.title()).isEqualTo("Fullmetal Alchemist");
        assertThat(manga.chapters()).isEqualTo(116);
        assertThat(manga.characters()).isNotEmpty();
        assertThat(jikan.requests().count(path("manga", id, "full"))).isEqualTo(1);
        assertThat(jikan.requests().count(path("manga", id, "characters"))).isEqualTo(1);
        assertThat(jikan.requests().count(path("manga", id, ".*"))).isEqualTo(2);
        assertThat(metrics.get("trackgeek.provider.requests").tag("endpoint", "manga_full").tag("outcome", "ok").timer().count()).isEqualTo(1);
        assertThat(metrics.get("trackgeek.provider.requests").tag("endpoint", "manga_characters").tag("outcome", "ok").timer().count()).isEqualTo(1);
    }

    @Test
    void aMangaWhoseCharactersJikanDoesNotKnowHasNone() {
        long id = NEXT_ID.incrementAndGet();
        jikan.jikan().serveRecordedAs("manga", id, 25);
        jikan.script().respond(path("manga", id, "characters"), 404, "jikan/error-404-anime-not-found.json");

        var manga = (Manga) provider().fetch(MediaKey.of(MediaType.MANGA, id));

        assertThat(manga.title()).isEqualTo("Fullmetal Alchemist");
        assertThat(manga.characters()).isEmpty();
    }

    @Test
    void aMangaJikanDoesNotKnowIsMangaNotFoundAndCostsOneCall() {
        long id = 6_000_000 + NEXT_ID.incrementAndGet();

        var failure = catchThrowableOfType(ProviderException.class, () -> provider().fetch(MediaKey.of(MediaType.MANGA, id)));

        assertThat(failure.code()).isEqualTo(ErrorCode.MANGA_NOT_FOUND);
        assertThat(jikan.requests().count(path("manga", id, ".*"))).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{}",
            "{\"data\": null}",
            "{\"data\": {\"title\": \"Fullmetal Alchemist\"}}",
            "{\"data\": {\"mal_id\": ID}}",
            "{\"data\": {\"mal_id\": ID, \"title\": \"  \"}}",
            "{\"data\": {\"mal_id\": 25, \"title\": \"Fullmetal Alchemist\"}}",
            "{\"data\": {\"mal_id\": ID, \"title\": \"Fullmetal Alchemist\", \"volumes\": [27]}}",
            "{\"data\": {\"mal_id\": ID, \"title\": \"Fullmetal Alchemist\", \"published\": \"2001\"}}",
            "{\"data\": {\"mal_id\": ID, \"title\": \"Fullmetal Alchemist\", \"authors\": {\"name\": \"Arakawa\"}}}",
            "[1, 2, 3]",
            "not json at all",
    })
    void aMangaBodyThatIsNotJikansIsAnInvalidPayloadNamingThePath(String body) {
        long id = NEXT_ID.incrementAndGet();
        jikan.script().respondBody(path("manga", id, "full"), 200, body.replace("ID", Long.toString(id)));

        var failure = catchThrowableOfType(ProviderException.class, () -> provider().fetch(MediaKey.of(MediaType.MANGA, id)));

        assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
        assertThat(failure.getMessage()).startsWith("JIKAN: /manga/" + id + "/full ");
        assertThat(jikan.requests().count(path("manga", id, "characters"))).as("nothing more is spent on it").isZero();
    }

    @Test
    void aWrongTypeInABodySaysWhereItIs() {
        long id = NEXT_ID.incrementAndGet();
        jikan.jikan().serveRecordedAs("manga", id, 25);
        jikan.script().respondBody(path("manga", id, "characters"), 200,
                "{\"data\": [{\"character\": {\"mal_id\": 11, \"name\": \"Elric, Edward\"}, \"role\": \"Main\"},"
                        + " {\"character\": {\"mal_id\": \"twelve\"}, \"role\": \"Main\"}]}");

        var failure = catchThrowableOfType(ProviderException.class, () -> provider().fetch(MediaKey.of(MediaType.MANGA, id)));

        assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
        assertThat(failure.getMessage()).contains("/manga/" + id + "/characters", "at data[1].character.mal_id");
    }

    @Test
    void anAnimeIsItsFullBodyPlusCharactersStaffAndVideos() {
        long id = NEXT_ID.incrementAndGet();
        jikan.jikan().serveRecordedAs("anime", id, 5114);

        var anime = (Anime) provider().fetch(MediaKey.of(MediaType.ANIME, id));

        assertThat(anime.title()).isEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat(anime.numberOfEpisodes()).isEqualTo(64);
        assertThat(jikan.requests().count(path("anime", id, "(full|characters|staff|videos)"))).isEqualTo(4);
    }

    @Test
    void animeAndMangaSpendOneBudget() throws Exception {
        long animeId = NEXT_ID.incrementAndGet();
        long mangaId = NEXT_ID.incrementAndGet();
        jikan.jikan().serveRecordedAs("anime", animeId, 5114);
        jikan.jikan().serveRecordedAs("manga", mangaId, 25);
        // 3 requests a second, one at once: either fetch alone fits, both at once only if they share the budget.
        var provider = provider(new RateLimitWindow(3, Duration.ofSeconds(1), 1));

        var anime = CompletableFuture.runAsync(() -> provider.fetch(MediaKey.of(MediaType.ANIME, animeId)));
        var manga = CompletableFuture.runAsync(() -> provider.fetch(MediaKey.of(MediaType.MANGA, mangaId)));
        CompletableFuture.allOf(anime, manga).get();

        List<Instant> arrivals = jikan.requests().arrivals("/jikan/v4/(anime/" + animeId + "|manga/" + mangaId + ")/.*");
        assertThat(arrivals).hasSize(6);
        // Separate budgets would let 4 requests arrive within about half a second; one budget spreads them
        // about half a second apart. Measured at arrival, so a slower machine only spreads them further.
        for (int i = 0; i + 3 < arrivals.size(); i++) {
            assertThat(Duration.between(arrivals.get(i), arrivals.get(i + 3))).as("4 requests from the %d-th", i)
                    .isGreaterThan(Duration.ofMillis(900));
        }
    }

    private MetadataProvider provider() {
        return provider(new RateLimitWindow(100, Duration.ofSeconds(1), 10));
    }

    private MetadataProvider provider(RateLimitWindow limit) {
        var properties = new JikanProperties(URI.create(jikan.jikanBaseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(5),
                List.of(limit), new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(100)),
                new CircuitBreakerSettings(50, 1000, Duration.ofSeconds(30)));
        return new JikanConfiguration().jikanProvider(properties, new ProviderSettings(Duration.ofMillis(50)),
                RestClient.builder(),
                ProviderBudgets.inProcess(BudgetSettings.defaults().withBulkShare(1.0), metrics), metrics);
    }

    private static String path(String kind, long id, String resource) {
        return SharedSimulator.jikanPath(kind + "/" + id + "/" + resource);
    }
}
