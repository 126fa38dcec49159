package com.trackgeek.sync.provider.jikan;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.Anime;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.contracts.catalog.Manga;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.CircuitBreakerSettings;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.ProviderSettings;
import com.trackgeek.sync.provider.RetrySettings;
import com.trackgeek.sync.provider.SearchPage;
import com.trackgeek.sync.ratelimit.BudgetSettings;
import com.trackgeek.sync.ratelimit.ProviderBudgets;
import com.trackgeek.sync.ratelimit.RateLimitWindow;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Jikan's own search through the provider: recorded answers become partial anime and manga with the
 * answer's ids, titles, dates, images and status; Jikan's pagination gives the total; failures end as the
 * fetches' codes; and a search spends the one Jikan budget. The recorded anime search is served through the
 * fake's script (its answer is Jikan's, filters included), the manga search by the fake's own endpoint.
 */
class JikanSearchTest {

    private static final String ANIME_SEARCH = "/jikan/v4/anime";
    private static final String MANGA_SEARCH = "/jikan/v4/manga";
    private static final AtomicLong NEXT_ID = new AtomicLong(925_000);

    private final EmbeddedSimulator jikan = SharedSimulator.simulator();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @AfterEach
    void unscript() {
        jikan.script().clear(ANIME_SEARCH);
        jikan.script().clear(MANGA_SEARCH);
    }

    @Test
    void aRecordedAnimeSearchIsPartialAnimeWithTheAnswersValuesAndJikansTotal() {
        jikan.script().respond(ANIME_SEARCH, 200, "jikan/search-anime-q-naruto-genre-1-2-limit10.json");
        JsonNode recorded = fixture("jikan/search-anime-q-naruto-genre-1-2-limit10.json");

        SearchPage page = provider().search(MediaType.ANIME, "naruto", 1, 10);

        assertThat(page.total()).isEqualTo(recorded.at("/pagination/items/total").asLong()).isEqualTo(29);
        assertThat(page.hasMore()).isTrue();
        assertThat(page.items()).hasSize(recorded.get("data").size());
        for (int i = 0; i < page.items().size(); i++) {
            JsonNode entry = recorded.get("data").get(i);
            var anime = (Anime) page.items().get(i);
            assertThat(anime.key()).isEqualTo(MediaKey.of(MediaType.ANIME, entry.get("mal_id").asLong()));
            assertThat(anime.title()).isEqualTo(entry.get("title").asString());
            assertThat(anime.alternativeTitles()).containsExactlyInAnyOrderElementsOf(otherTitles(entry));
            assertThat(anime.releaseStatus()).isEqualTo(entry.get("status").asString());
            assertThat(anime.type()).isEqualTo(entry.get("type").asString());
            assertThat(anime.imageUrl()).isIn(urls(entry.get("images")));
            assertThat(anime.releasedOn() == null ? null : anime.releasedOn().toString())
                    .isEqualTo(entry.at("/aired/from").isString() ? entry.at("/aired/from").asString().substring(0, 10) : null);
            assertThat(anime.characters()).as("a search answer has none: nothing invented").isEmpty();
            assertThat(anime.staff()).isEmpty();
        }
        assertThat(metrics.get("trackgeek.provider.requests").tag("endpoint", "anime_search").tag("outcome", "ok").timer().count()).isEqualTo(1);
    }

    @Test
    void aMangaSearchAtTheFakeFindsTheRecordedMangaAsPartialManga() {
        JsonNode recorded = fixture("jikan/search-manga-q-jujutsu-kaisen.json");

        SearchPage page = provider().search(MediaType.MANGA, "Jujutsu Kaisen", 1, 25);

        assertThat(page.items()).isNotEmpty();
        assertThat(page.total()).isEqualTo(page.items().size());
        assertThat(page.hasMore()).isFalse();
        for (CatalogItem item : page.items()) {
            var manga = (Manga) item;
            JsonNode entry = entryWithId(recorded.get("data"), manga.malId());
            if (entry != null) {
                assertThat(manga.title()).isEqualTo(entry.get("title").asString());
                assertThat(manga.alternativeTitles()).containsExactlyInAnyOrderElementsOf(otherTitles(entry));
                assertThat(manga.releaseStatus()).isEqualTo(entry.get("status").asString());
                assertThat(manga.chapters()).isEqualTo(entry.get("chapters").isNull() ? null : entry.get("chapters").asInt());
                assertThat(manga.characters()).isEmpty();
            }
        }
        assertThat(page.items()).extracting(item -> item.key().id()).contains(113138L, 115710L);
    }

    @Test
    void limitAndPageAreSentAsJikanTakesThem() {
        SearchPage first = provider().search(MediaType.MANGA, "jujutsu", 1, 2);
        SearchPage second = provider().search(MediaType.MANGA, "jujutsu", 2, 2);

        assertThat(first.items()).hasSize(2);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).extracting(CatalogItem::key).doesNotContainAnyElementsOf(
                first.items().stream().map(CatalogItem::key).toList());
        assertThat(provider().search(MediaType.MANGA, "jujutsu", 1, 100).items()).as("asked as Jikan's 25").isNotEmpty();
    }

    @Test
    void jikansErrorsEndAsTheFetchesCodes() {
        jikan.script().respond(ANIME_SEARCH, 504, "jikan/error-504-bad-response-exception-search.json");
        var unavailable = catchThrowableOfType(ProviderException.class, () -> provider().search(MediaType.ANIME, "code", 1, 10));
        assertThat(unavailable.code()).isEqualTo(ErrorCode.JIKAN_SERVICE_UNAVAILABLE);

        jikan.script().respond(ANIME_SEARCH, 429, "jikan/error-429-rate-limited-constructed.json");
        assertThat(catchThrowableOfType(ProviderException.class, () -> provider().search(MediaType.ANIME, "code", 1, 10)).code())
                .isEqualTo(ErrorCode.JIKAN_SERVICE_UNAVAILABLE);

        jikan.script().respond(MANGA_SEARCH, 404, "jikan/error-404-anime-not-found.json");
        assertThat(catchThrowableOfType(ProviderException.class, () -> provider().search(MediaType.MANGA, "x", 1, 10)).code())
                .isEqualTo(ErrorCode.MANGA_NOT_FOUND);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"data\": {\"mal_id\": 1, \"title\": \"Naruto\"}}",
            "{\"data\": [{\"mal_id\": \"twenty\", \"title\": \"Naruto\"}]}",
            "{\"data\": [{\"title\": \"Naruto\"}]}",
            "{\"data\": [{\"mal_id\": 20, \"title\": \" \"}]}",
            "{\"data\": [{\"mal_id\": 20, \"title\": \"Naruto\", \"aired\": \"2002\"}]}",
            "{\"pagination\": {\"has_next_page\": false}}",
            "[1, 2]",
            "not json",
    })
    void anAnswerThatIsNotJikansIsAnInvalidPayloadNamingThePath(String body) {
        jikan.script().respondBody(ANIME_SEARCH, 200, body);

        var failure = catchThrowableOfType(ProviderException.class, () -> provider().search(MediaType.ANIME, "naruto", 1, 10));

        assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
        assertThat(failure.getMessage()).startsWith("JIKAN: /anime?q=");
    }

    @Test
    void aSearchSpendsTheOneJikanBudgetWithTheFetches() {
        long id = NEXT_ID.incrementAndGet();
        jikan.jikan().serveRecordedAs("manga", id, 25);
        var provider = provider();
        int searchesBefore = jikan.requests().count(MANGA_SEARCH);

        provider.fetch(MediaKey.of(MediaType.MANGA, id));
        provider.search(MediaType.MANGA, "jujutsu", 1, 5);

        // One limiter for both: every request, fetch or search, waited on it once.
        assertThat(metrics.get("trackgeek.provider.ratelimit.wait").tag("provider", "jikan").timer().count()).isEqualTo(3);
        assertThat(jikan.requests().count(MANGA_SEARCH) - searchesBefore).isEqualTo(1);
    }

    /** The Jikan provider as the worker builds it, on the shared simulator, with generous limits. */
    static MetadataProvider provider(MeterRegistry metrics) {
        var properties = new JikanProperties(URI.create(SharedSimulator.simulator().jikanBaseUrl()), Duration.ofSeconds(2),
                Duration.ofSeconds(5), List.of(new RateLimitWindow(100, Duration.ofSeconds(1), 10)),
                new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50)),
                new CircuitBreakerSettings(50, 1000, Duration.ofSeconds(30)));
        return new JikanConfiguration().jikanProvider(properties, new ProviderSettings(Duration.ofMillis(50)),
                RestClient.builder(),
                ProviderBudgets.inProcess(BudgetSettings.defaults().withBulkShare(1.0), metrics), metrics);
    }

    private MetadataProvider provider() {
        return provider(metrics);
    }

    static JsonNode fixture(String name) {
        return JsonMapper.builder().build().readTree(Path.of(System.getProperty("trackgeek.fixtures"), name).toFile());
    }

    private static List<String> otherTitles(JsonNode entry) {
        List<String> titles = new ArrayList<>();
        for (JsonNode title : entry.path("titles")) {
            String text = title.get("title").asString();
            if (!text.equals(entry.get("title").asString()) && !titles.contains(text)) {
                titles.add(text);
            }
        }
        return titles;
    }

    private static List<String> urls(JsonNode images) {
        List<String> urls = new ArrayList<>();
        images.forEach(format -> format.forEach(url -> {
            if (url.isString()) {
                urls.add(url.asString());
            }
        }));
        return urls;
    }

    private static JsonNode entryWithId(JsonNode entries, long malId) {
        for (JsonNode entry : entries) {
            if (entry.get("mal_id").asLong() == malId) {
                return entry;
            }
        }
        return null;
    }
}
