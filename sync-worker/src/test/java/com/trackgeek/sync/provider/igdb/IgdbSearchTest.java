package com.trackgeek.sync.provider.igdb;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.contracts.catalog.Game;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.CircuitBreakerSettings;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.ProviderSettings;
import com.trackgeek.sync.provider.RetrySettings;
import com.trackgeek.sync.provider.SearchPage;
import com.trackgeek.sync.ratelimit.BudgetSettings;
import com.trackgeek.sync.ratelimit.ProviderBudgets;
import com.trackgeek.sync.ratelimit.RateLimitWindow;
import com.trackgeek.sync.ratelimit.SharedInFlightLimit;
import com.trackgeek.testsupport.SharedInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * IGDB's {@code search "..."} through the provider, against the fake's recorded searches: partial games (the
 * fetch's fields, as far as the answer has them) in IGDB's order, paged by offset; failures end as the
 * fetches' codes; a search spends the one IGDB budget and token.
 */
class IgdbSearchTest {

    private static final String GAMES = "/igdb/v4/games";
    private static DataSource database;
    private ProviderBudgets budgets;
    private final List<SharedInFlightLimit> limits = new ArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @BeforeAll
    static void migrate() {
        var postgres = SharedInfrastructure.postgres();
        database = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password());
        Flyway.configure().dataSource(database).load().migrate();
    }

    @AfterEach
    void cleanUp() {
        simulator().script().clear(GAMES);
        limits.forEach(SharedInFlightLimit::close);
    }

    @Test
    void aRecordedSearchIsPartialGamesWithTheAnswersValuesInIgdbsOrder() {
        JsonNode recorded = fixture("igdb/games-search-paper-mario-expanded-2024-02.json");

        SearchPage page = provider(SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET)
                .search(MediaType.GAME, "Paper Mario", 1, 50);

        assertThat(page.total()).as("IGDB gives no total").isNull();
        assertThat(page.hasMore()).isFalse();
        assertThat(page.items()).hasSize(recorded.size());
        for (int i = 0; i < recorded.size(); i++) {
            JsonNode entry = recorded.get(i);
            var game = (Game) page.items().get(i);
            assertThat(game.key()).isEqualTo(MediaKey.of(MediaType.GAME, entry.get("id").asLong()));
            assertThat(game.title()).isEqualTo(entry.get("name").asString());
            assertThat(game.slug()).isEqualTo(entry.path("slug").asString(null));
            assertThat(game.firstReleaseDate()).isEqualTo(entry.has("first_release_date")
                    ? Instant.ofEpochSecond(entry.get("first_release_date").asLong()) : null);
            List<String> alternatives = new ArrayList<>();
            entry.path("alternative_names").forEach(name -> {
                if (!name.get("name").asString().equals(entry.get("name").asString()) && !alternatives.contains(name.get("name").asString())) {
                    alternatives.add(name.get("name").asString());
                }
            });
            assertThat(game.alternativeTitles()).containsExactlyInAnyOrderElementsOf(alternatives);
            assertThat(game.cover() == null ? null : game.cover().url())
                    .isEqualTo(entry.has("cover") ? IgdbGameMapper.absolute(entry.at("/cover/url").asString()) : null);
        }
    }

    @Test
    void aFullPageMayHaveMoreAndTheNextPageIsTheNextOffset() {
        JsonNode recorded = fixture("igdb/games-search-god-of-war.json");
        var provider = provider(SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET);

        SearchPage first = provider.search(MediaType.GAME, "god of war", 1, 2);
        SearchPage second = provider.search(MediaType.GAME, "god of war", 2, 2);

        assertThat(first.hasMore()).isTrue();
        assertThat(ids(first)).containsExactly(recorded.get(0).get("id").asLong(), recorded.get(1).get("id").asLong());
        assertThat(ids(second)).containsExactly(recorded.get(2).get("id").asLong(), recorded.get(3).get("id").asLong());
        assertThat(provider.search(MediaType.GAME, "a \"quoted\" title", 1, 10).items()).isEmpty();
    }

    @Test
    void igdbsRefusalsEndAsTheFetchesCodes() {
        var off = catchThrowableOfType(ProviderException.class, () -> provider(null, null).search(MediaType.GAME, "mario", 1, 10));
        assertThat(off.code()).isEqualTo(ErrorCode.IGDB_NOT_CONFIGURED);

        var refused = catchThrowableOfType(ProviderException.class,
                () -> provider("not-our-client", "a-secret").search(MediaType.GAME, "mario", 1, 10));
        assertThat(refused.code()).isEqualTo(ErrorCode.IGDB_CREDENTIALS_REJECTED);

        simulator().script().respond(GAMES, 401, "igdb/error-401-authorization-failure.json");
        var unauthorized = catchThrowableOfType(ProviderException.class,
                () -> provider(SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET).search(MediaType.GAME, "mario", 1, 10));
        assertThat(unauthorized.code()).isEqualTo(ErrorCode.IGDB_CREDENTIALS_REJECTED);

        // No 429 body of IGDB is recorded: the gateway's minimal one, as the fake answers its own 429s.
        simulator().script().respondBody(GAMES, 429, "{\"message\":\"Too Many Requests\"}");
        var limited = catchThrowableOfType(ProviderException.class,
                () -> provider(SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET).search(MediaType.GAME, "mario", 1, 10));
        assertThat(limited.code()).isEqualTo(ErrorCode.IGDB_SERVICE_UNAVAILABLE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"id\": 1, \"name\": \"Mario\"}",
            "[{\"id\": \"one\", \"name\": \"Mario\"}]",
            "[{\"name\": \"Mario\"}]",
            "[{\"id\": 1, \"name\": \" \"}]",
            "[{\"id\": 1, \"name\": \"Mario\", \"first_release_date\": \"May 1996\"}]",
            "not json",
    })
    void anAnswerThatIsNotIgdbsIsAnInvalidPayload(String body) {
        var provider = provider(SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET);
        simulator().script().respondBody(GAMES, 200, body);

        var failure = catchThrowableOfType(ProviderException.class, () -> provider.search(MediaType.GAME, "mario", 1, 10));

        assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
        assertThat(failure.getMessage()).startsWith("IGDB: POST /games search");
    }

    @Test
    void aSearchSpendsTheOneIgdbBudgetWithTheFetches() {
        var provider = provider(SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET);
        int before = simulator().requests().count(GAMES);

        provider.fetch(MediaKey.of(MediaType.GAME, 19560));
        provider.search(MediaType.GAME, "super", 1, 5);

        assertThat(metrics.get("trackgeek.provider.ratelimit.wait").tag("provider", "igdb").timer().count()).isEqualTo(2);
        assertThat(simulator().requests().count(GAMES) - before).isEqualTo(2);
    }

    private IgdbProvider provider(String clientId, String clientSecret) {
        var postgres = SharedInfrastructure.postgres();
        var properties = new IgdbProperties(URI.create(simulator().igdbBaseUrl()), URI.create(simulator().twitchTokenUrl()),
                clientId, clientSecret, Duration.ofSeconds(2), Duration.ofSeconds(5),
                List.of(RateLimitWindow.of(1000, Duration.ofSeconds(1))), 8, Duration.ofSeconds(30), Duration.ofMillis(10),
                Duration.ofMinutes(10), new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50)),
                new CircuitBreakerSettings(50, 1000, Duration.ofSeconds(30)));
        var limit = new SharedInFlightLimit(Provider.IGDB, properties.maxInFlight(), properties.inFlightWait(),
                properties.inFlightPoll(),
                () -> DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password()),
                new SimpleMeterRegistry());
        limits.add(limit);
        return IgdbConfiguration.create(properties, new ProviderSettings(Duration.ofMillis(50)), RestClient.builder(),
                database, limit, budgets(), metrics, "igdb-search-test-" + UUID.randomUUID());
    }

    private static List<Long> ids(SearchPage page) {
        return page.items().stream().map(CatalogItem::key).map(MediaKey::id).toList();
    }

    private static JsonNode fixture(String name) {
        return JsonMapper.builder().build().readTree(Path.of(System.getProperty("trackgeek.fixtures"), name).toFile());
    }

    private static EmbeddedSimulator simulator() {
        return SharedSimulator.simulator();
    }

    /** The replicas of one test share a budget of their own, not the worker's (they configure other limits). */
    private ProviderBudgets budgets() {
        if (budgets == null) {
            budgets = ProviderBudgets.inPostgres("test-" + UUID.randomUUID() + "-", database,
                    BudgetSettings.defaults().withBulkShare(1.0), metrics);
        }
        return budgets;
    }
}
