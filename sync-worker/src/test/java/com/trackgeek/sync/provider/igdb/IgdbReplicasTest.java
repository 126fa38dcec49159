package com.trackgeek.sync.provider.igdb;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.Game;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.CircuitBreakerSettings;
import com.trackgeek.sync.provider.FetchOutcome;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.ProviderSettings;
import com.trackgeek.sync.provider.RetrySettings;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The IGDB provider as several worker replicas run it: separate provider instances (own gateway, own token
 * cache, own in-flight connection) on one database and one simulated IGDB. They share one Twitch token and
 * never have more than 8 requests open at IGDB together. Also the provider's answers to IGDB's and Twitch's
 * refusals, with their recorded bodies.
 */
class IgdbReplicasTest {

    private static final String GAMES = "/igdb/v4/games";
    private static final String TOKEN = "/twitch/oauth2/token";
    private static DataSource database;
    private ProviderBudgets budgets;
    private final List<SharedInFlightLimit> limits = new ArrayList<>();

    @BeforeAll
    static void migrate() {
        var postgres = SharedInfrastructure.postgres();
        database = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password());
        Flyway.configure().dataSource(database).load().migrate();
    }

    @AfterEach
    void cleanUp() {
        simulator().script().clear(GAMES);
        simulator().script().clear(TOKEN);
        limits.forEach(SharedInFlightLimit::close);
    }

    @Test
    void twoReplicasStartingTogetherMakeOneTokenRequestAndShareTheToken() throws Exception {
        String key = "igdb-test-" + UUID.randomUUID();
        IgdbProvider first = replica(key, SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET);
        IgdbProvider second = replica(key, SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET);
        int tokensBefore = simulator().igdb().tokensIssued();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<CompletableFuture<Game>> fetches = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                IgdbProvider replica = i % 2 == 0 ? first : second;
                long id = 700_000 + i;
                fetches.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return (Game) replica.fetch(MediaKey.of(MediaType.GAME, id));
                }, threads));
            }
            start.countDown();
            fetches.forEach(fetch -> assertThat(fetch.join().title()).isNotBlank());
        }
        assertThat(simulator().igdb().tokensIssued() - tokensBefore).isEqualTo(1);
        assertThat(JdbcClient.create(database).sql("select count(*) from provider_token where provider = :key")
                .param("key", key).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void replicasTogetherNeverHaveMoreThanEightRequestsOpenAtIgdb() {
        String key = "igdb-test-" + UUID.randomUUID();
        IgdbProvider first = replica(key, SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET);
        IgdbProvider second = replica(key, SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET);
        first.fetch(MediaKey.of(MediaType.GAME, 700_100)); // token in place before the load
        simulator().script().delay(GAMES, Duration.ofMillis(150));
        simulator().igdb().resetPeakOpenRequests();
        int rejectedBefore = simulator().igdb().openRequestRejections();
        try (ExecutorService threads = Executors.newFixedThreadPool(24)) {
            List<CompletableFuture<Game>> fetches = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                IgdbProvider replica = i % 2 == 0 ? first : second;
                long id = 700_200 + i;
                fetches.add(CompletableFuture.supplyAsync(() -> (Game) replica.fetch(MediaKey.of(MediaType.GAME, id)), threads));
            }
            fetches.forEach(fetch -> assertThat(fetch.join()).isNotNull());
        }
        assertThat(simulator().igdb().peakOpenRequests()).isBetween(2, 8);
        assertThat(simulator().igdb().openRequestRejections()).isEqualTo(rejectedBefore);
    }

    @Test
    void aReplicaRefusedWithATokenAnotherReplicaAlreadyReplacedTakesTheReplacementWithoutAskingTwitch() {
        String key = "igdb-test-" + UUID.randomUUID();
        IgdbProvider first = replica(key, SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET);
        IgdbProvider second = replica(key, SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET);
        first.fetch(MediaKey.of(MediaType.GAME, 700_150));
        second.fetch(MediaKey.of(MediaType.GAME, 700_151)); // both hold the shared token now
        simulator().igdb().expireTokens();
        int tokensBefore = simulator().igdb().tokensIssued();

        first.fetch(MediaKey.of(MediaType.GAME, 700_152));  // 401, replaces the shared token
        second.fetch(MediaKey.of(MediaType.GAME, 700_153)); // 401 with the old one, finds the replacement

        assertThat(simulator().igdb().tokensIssued() - tokensBefore).isEqualTo(1);
    }

    @Test
    void aTokenIsRenewedAheadOfItsExpiry() {
        MovableClock clock = new MovableClock();
        var twitch = new TwitchTokenClient(RestClient.create(), URI.create(simulator().twitchTokenUrl()),
                SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET, clock);
        var tokens = new TwitchTokens("igdb-test-" + UUID.randomUUID(), database, twitch, Duration.ofMinutes(10), clock);
        int tokensBefore = simulator().igdb().tokensIssued();

        AccessToken first = tokens.current();
        clock.now = first.expiresAt().minus(Duration.ofMinutes(11));
        assertThat(tokens.current()).isSameAs(first);
        clock.now = first.expiresAt().minus(Duration.ofMinutes(9));
        AccessToken second = tokens.current();

        assertThat(second.sameValue(first)).isFalse();
        assertThat(simulator().igdb().tokensIssued() - tokensBefore).isEqualTo(2);
        assertThat(second.toString()).doesNotContain(second.value());
    }

    /** A clock the test moves. */
    private static final class MovableClock extends java.time.Clock {
        volatile java.time.Instant now = java.time.Instant.now();

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void severalIdsAreOneCallAndEachGetsItsOutcome() {
        IgdbProvider provider = replica("igdb-test-" + UUID.randomUUID(), SharedSimulator.IGDB_CLIENT_ID,
                SharedSimulator.IGDB_CLIENT_SECRET);
        provider.fetch(MediaKey.of(MediaType.GAME, 700_300));
        int callsBefore = simulator().requests().count(GAMES);

        List<FetchOutcome> outcomes = provider.fetchSeveral(MediaType.GAME, List.of(19560L, 5_000_001L, 3340L, 700_301L));

        assertThat(simulator().requests().count(GAMES) - callsBefore).isEqualTo(1);
        assertThat(outcomes).extracting(outcome -> outcome.key().id()).containsExactly(19560L, 5_000_001L, 3340L, 700_301L);
        assertThat(((Game) outcomes.get(0).item()).title()).isEqualTo("God of War");
        assertThat(outcomes.get(1).failure().code()).isEqualTo(ErrorCode.GAME_NOT_FOUND);
        assertThat(((Game) outcomes.get(2).item()).title()).isEqualTo("Paper Mario");
        assertThat(outcomes.get(3).succeeded()).isTrue();
    }

    @Test
    void oneUnmappableGameFailsOnlyItself() {
        IgdbProvider provider = replica("igdb-test-" + UUID.randomUUID(), SharedSimulator.IGDB_CLIENT_ID,
                SharedSimulator.IGDB_CLIENT_SECRET);
        simulator().script().respondBody(GAMES, 200,
                "[{\"id\": 11, \"name\": \"Fine\"}, {\"id\": 12, \"name\": \"Drifted\", \"genres\": \"Action\"}]");
        List<FetchOutcome> outcomes = provider.fetchSeveral(MediaType.GAME, List.of(11L, 12L, 13L));
        assertThat(outcomes.get(0).succeeded()).isTrue();
        assertThat(outcomes.get(1).failure().code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
        assertThat(outcomes.get(1).failure().getMessage()).contains("genres");
        assertThat(outcomes.get(2).failure().code()).isEqualTo(ErrorCode.GAME_NOT_FOUND);
    }

    @Test
    void aTokenAnswerWithoutExpiresInIsAClearFailure() {
        IgdbProvider provider = replica("igdb-test-" + UUID.randomUUID(), SharedSimulator.IGDB_CLIENT_ID,
                SharedSimulator.IGDB_CLIENT_SECRET);
        simulator().script().respondBody(TOKEN, 200, "{\"access_token\":\"abcdefghijklmnopqrstuvwxyz0123\",\"token_type\":\"bearer\"}");
        assertThatThrownBy(() -> provider.fetch(MediaKey.of(MediaType.GAME, 700_400)))
                .isInstanceOfSatisfying(ProviderException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.IGDB_SERVICE_UNAVAILABLE);
                    assertThat(failure.getMessage()).contains("expires_in").doesNotContain("abcdefghijklmnopqrstuvwxyz0123");
                });
    }

    @Test
    void twitchRefusingTheClientIsCredentialsRejectedWithoutTheSecretInTheMessage() {
        IgdbProvider provider = replica("igdb-test-" + UUID.randomUUID(), "not-our-client", "super-secret-value");
        assertThatThrownBy(() -> provider.fetch(MediaKey.of(MediaType.GAME, 700_500)))
                .isInstanceOfSatisfying(ProviderException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.IGDB_CREDENTIALS_REJECTED);
                    assertThat(failure.getMessage()).contains("400", "invalid client").doesNotContain("super-secret-value");
                });
    }

    @Test
    void igdbRefusingEveryTokenIsCredentialsRejectedAfterOneRenewal() {
        IgdbProvider provider = replica("igdb-test-" + UUID.randomUUID(), SharedSimulator.IGDB_CLIENT_ID,
                SharedSimulator.IGDB_CLIENT_SECRET);
        provider.fetch(MediaKey.of(MediaType.GAME, 700_600));
        simulator().script().respond(GAMES, 401, "igdb/error-401-authorization-failure.json");
        int tokensBefore = simulator().igdb().tokensIssued();
        int callsBefore = simulator().requests().count(GAMES);
        assertThatThrownBy(() -> provider.fetch(MediaKey.of(MediaType.GAME, 700_601)))
                .isInstanceOfSatisfying(ProviderException.class, failure ->
                        assertThat(failure.code()).isEqualTo(ErrorCode.IGDB_CREDENTIALS_REJECTED));
        assertThat(simulator().igdb().tokensIssued() - tokensBefore).as("renewed once").isEqualTo(1);
        assertThat(simulator().requests().count(GAMES) - callsBefore).as("tried twice").isEqualTo(2);
    }

    @Test
    void aQueryIgdbCannotParseIsServiceUnavailable() {
        IgdbProvider provider = replica("igdb-test-" + UUID.randomUUID(), SharedSimulator.IGDB_CLIENT_ID,
                SharedSimulator.IGDB_CLIENT_SECRET);
        simulator().script().respond(GAMES, 400, "igdb/error-400-syntax-error.json");
        assertThatThrownBy(() -> provider.fetch(MediaKey.of(MediaType.GAME, 700_700)))
                .isInstanceOfSatisfying(ProviderException.class, failure ->
                        assertThat(failure.code()).isEqualTo(ErrorCode.IGDB_SERVICE_UNAVAILABLE));
    }

    @Test
    void tooManyRequestsIsRetriedThenServiceUnavailable() {
        IgdbProvider provider = replica("igdb-test-" + UUID.randomUUID(), SharedSimulator.IGDB_CLIENT_ID,
                SharedSimulator.IGDB_CLIENT_SECRET);
        provider.fetch(MediaKey.of(MediaType.GAME, 700_800));
        simulator().script().respondBody(GAMES, 429, "{\"message\":\"Too Many Requests\"}");
        int callsBefore = simulator().requests().count(GAMES);
        assertThatThrownBy(() -> provider.fetch(MediaKey.of(MediaType.GAME, 700_801)))
                .isInstanceOfSatisfying(ProviderException.class, failure ->
                        assertThat(failure.code()).isEqualTo(ErrorCode.IGDB_SERVICE_UNAVAILABLE));
        assertThat(simulator().requests().count(GAMES) - callsBefore).as("every attempt").isEqualTo(3);
    }

    @Test
    void withoutCredentialsTheProviderIsNotConfiguredAndNamesWhatIsMissing() {
        IgdbProperties unset = properties(null, " ");
        assertThat(unset.missingSettings()).containsExactly("TRACKGEEK_PROVIDERS_IGDB_CLIENT_ID", "TRACKGEEK_PROVIDERS_IGDB_CLIENT_SECRET");
        IgdbProvider provider = replica("igdb-test-" + UUID.randomUUID(), null, null);
        assertThat(provider.missingSettings()).hasSize(2);
        assertThatThrownBy(() -> provider.fetch(MediaKey.of(MediaType.GAME, 700_900)))
                .isInstanceOfSatisfying(ProviderException.class, failure ->
                        assertThat(failure.code()).isEqualTo(ErrorCode.IGDB_NOT_CONFIGURED));
        assertThat(properties("id", "the-secret").toString()).doesNotContain("the-secret");
    }

    private IgdbProvider replica(String tokenKey, String clientId, String clientSecret) {
        var postgres = SharedInfrastructure.postgres();
        IgdbProperties properties = properties(clientId, clientSecret);
        var limit = new SharedInFlightLimit(com.trackgeek.contracts.Provider.IGDB, properties.maxInFlight(),
                properties.inFlightWait(), properties.inFlightPoll(),
                () -> DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password()),
                new SimpleMeterRegistry());
        limits.add(limit);
        return IgdbConfiguration.create(properties, new ProviderSettings(Duration.ofMillis(50)), RestClient.builder(),
                database, limit, budgets(), new SimpleMeterRegistry(), tokenKey);
    }

    private static IgdbProperties properties(String clientId, String clientSecret) {
        return new IgdbProperties(URI.create(simulator().igdbBaseUrl()), URI.create(simulator().twitchTokenUrl()),
                clientId, clientSecret, Duration.ofSeconds(2), Duration.ofSeconds(5),
                List.of(RateLimitWindow.of(1000, Duration.ofSeconds(1))), 8, Duration.ofSeconds(30), Duration.ofMillis(10),
                Duration.ofMinutes(10), new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(100)),
                new CircuitBreakerSettings(50, 1000, Duration.ofSeconds(30)));
    }

    private static EmbeddedSimulator simulator() {
        return SharedSimulator.simulator();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The replicas of one test share a budget of their own, not the worker's (they configure other limits). */
    private ProviderBudgets budgets() {
        if (budgets == null) {
            budgets = ProviderBudgets.inPostgres("test-" + UUID.randomUUID() + "-", database,
                    BudgetSettings.defaults().withBulkShare(1.0), new SimpleMeterRegistry());
        }
        return budgets;
    }
}
