package com.trackgeek.sync.provider.hardcover;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.Book;
import com.trackgeek.contracts.catalog.CatalogItem;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Hardcover's books by title through the provider's search document, against the fake: partial books with the
 * answer's id, titles, state, dates and cover; a full page says there may be more; failures end as the
 * fetches' codes; a search spends the one Hardcover budget.
 */
class HardcoverSearchTest {

    private static final String GRAPHQL = "/hardcover/v1/graphql";

    private final EmbeddedSimulator hardcover = SharedSimulator.simulator();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @AfterEach
    void unscript() {
        hardcover.script().clear(GRAPHQL);
    }

    @Test
    void theRecordedBookIsFoundByPartOfItsTitleAsAPartialBook() {
        JsonNode recorded = JsonMapper.builder().build().readTree(Path.of(System.getProperty("trackgeek.fixtures"),
                "hardcover/books-by-id-harry-potter-and-the-sorcerers-stone-constructed.json").toFile()).at("/data/books_by_pk");

        SearchPage page = provider(SharedSimulator.HARDCOVER_TOKEN).search(MediaType.BOOK, "SORCERER'S stone", 1, 10);

        assertThat(page.items()).hasSize(1);
        assertThat(page.total()).as("Hardcover gives no total").isNull();
        assertThat(page.hasMore()).isFalse();
        var book = (Book) page.items().getFirst();
        assertThat(book.key()).isEqualTo(MediaKey.of(MediaType.BOOK, recorded.get("id").asLong()));
        assertThat(book.title()).isEqualTo(recorded.get("title").asString());
        assertThat(book.alternativeTitles()).containsExactly(recorded.at("/alternative_titles/0").asString());
        assertThat(book.slug()).isEqualTo(recorded.get("slug").asString());
        assertThat(book.state()).isEqualTo(recorded.get("state").asString());
        assertThat(book.releaseDate().toString()).isEqualTo(recorded.get("release_date").asString());
        assertThat(book.releaseYear()).isEqualTo(recorded.get("release_year").asInt());
        assertThat(book.imageUrl()).isEqualTo(recorded.at("/image/url").asString());
        assertThat(book.synopsis()).as("not in the search document: not invented").isNull();
        assertThat(book.editions()).isEmpty();
        assertThat(book.defaultCoverEdition()).isNull();
    }

    @Test
    void aFullPageMayHaveMoreAndTheNextPageFollows() {
        var provider = provider(SharedSimulator.HARDCOVER_TOKEN);

        SearchPage first = provider.search(MediaType.BOOK, "silent", 1, 3);
        SearchPage second = provider.search(MediaType.BOOK, "silent", 2, 3);

        assertThat(first.items()).hasSize(3).allSatisfy(item -> assertThat(item.title()).containsIgnoringCase("silent"));
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).extracting(CatalogItem::key)
                .doesNotContainAnyElementsOf(first.items().stream().map(CatalogItem::key).toList());
        assertThat(provider.search(MediaType.BOOK, "100% no such_book", 1, 3).items()).isEmpty();
    }

    @Test
    void hardcoversRefusalsEndAsTheFetchesCodes() {
        assertThat(catchThrowableOfType(ProviderException.class,
                () -> provider("a-wrong-token").search(MediaType.BOOK, "stone", 1, 10)).code())
                .isEqualTo(ErrorCode.HARDCOVER_CREDENTIALS_REJECTED);
        assertThat(catchThrowableOfType(ProviderException.class, () -> provider(null).search(MediaType.BOOK, "stone", 1, 10)).code())
                .isEqualTo(ErrorCode.HARDCOVER_NOT_CONFIGURED);

        hardcover.script().respond(GRAPHQL, 429, "hardcover/error-429-too-many-requests-2026-08-constructed.json");
        assertThat(catchThrowableOfType(ProviderException.class,
                () -> provider(SharedSimulator.HARDCOVER_TOKEN).search(MediaType.BOOK, "stone", 1, 10)).code())
                .isEqualTo(ErrorCode.HARDCOVER_SERVICE_UNAVAILABLE);

        hardcover.script().respond(GRAPHQL, 200, "hardcover/error-validation-failed-field-not-found.json");
        var rejected = catchThrowableOfType(ProviderException.class,
                () -> provider(SharedSimulator.HARDCOVER_TOKEN).search(MediaType.BOOK, "stone", 1, 10));
        assertThat(rejected.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
        assertThat(rejected.getMessage()).contains("hardcoverBookSearch");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"data\": {\"books\": {\"id\": 1, \"title\": \"Stone\"}}}",
            "{\"data\": {\"books\": [{\"id\": \"one\", \"title\": \"Stone\"}]}}",
            "{\"data\": {\"books\": [{\"title\": \"Stone\"}]}}",
            "{\"data\": {\"books\": [{\"id\": 1, \"title\": \"Stone\", \"release_date\": \"September 1989\"}]}}",
            "{\"data\": {}}",
            "<html>down</html>",
    })
    void anAnswerThatIsNotHardcoversIsAnInvalidPayload(String body) {
        hardcover.script().respondBody(GRAPHQL, 200, body);

        var failure = catchThrowableOfType(ProviderException.class,
                () -> provider(SharedSimulator.HARDCOVER_TOKEN).search(MediaType.BOOK, "stone", 1, 10));

        assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
        assertThat(failure.getMessage()).startsWith("HARDCOVER: POST ");
    }

    @Test
    void aSearchSpendsTheOneHardcoverBudgetWithTheFetches() {
        var provider = provider(SharedSimulator.HARDCOVER_TOKEN);
        int before = hardcover.requests().count(GRAPHQL);

        provider.fetch(MediaKey.of(MediaType.BOOK, 328491));
        provider.search(MediaType.BOOK, "stone", 1, 10);

        assertThat(metrics.get("trackgeek.provider.ratelimit.wait").tag("provider", "hardcover").timer().count()).isEqualTo(2);
        assertThat(hardcover.requests().count(GRAPHQL) - before).isEqualTo(2);
    }

    /** The Hardcover provider as the worker builds it, on the shared simulator, with {@code token}. */
    static MetadataProvider provider(String token, MeterRegistry metrics) {
        var properties = new HardcoverProperties(URI.create(SharedSimulator.simulator().hardcoverGraphqlUrl()), token,
                Duration.ofSeconds(2), Duration.ofSeconds(5), 20, List.of(RateLimitWindow.of(100, Duration.ofSeconds(1))),
                new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50)),
                new CircuitBreakerSettings(50, 100, Duration.ofSeconds(30)));
        return new HardcoverConfiguration().hardcoverProvider(properties, new ProviderSettings(Duration.ofMillis(50)),
                RestClient.builder(),
                ProviderBudgets.inProcess(BudgetSettings.defaults().withBulkShare(1.0), metrics), metrics);
    }

    private MetadataProvider provider(String token) {
        return provider(token, metrics);
    }
}
