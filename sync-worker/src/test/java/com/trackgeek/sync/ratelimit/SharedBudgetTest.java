package com.trackgeek.sync.ratelimit;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.CircuitBreakerSettings;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.ProviderGateway;
import com.trackgeek.sync.provider.RetrySettings;
import com.trackgeek.testsupport.SharedInfrastructure;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The budget as several worker replicas share it: separate {@link ProviderBudgets} (own Bucket4j proxy
 * manager, own connections) on one PostgreSQL database draw on one bucket per provider, priority crosses
 * replicas, and an unreachable database means no token at all.
 */
class SharedBudgetTest {

    private static final Duration JITTER = Duration.ofMillis(50);
    private static DataSource database;

    private final String namespace = "test-" + UUID.randomUUID() + "-";

    @BeforeAll
    static void migrate() {
        var postgres = SharedInfrastructure.postgres();
        database = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password());
        Flyway.configure().dataSource(database).load().migrate();
    }

    @Test
    void twoReplicasHammeringOneProviderNeverExceedItsWindowTogether() throws Exception {
        var window = new RateLimitWindow(10, Duration.ofSeconds(1), 3);
        var first = replica(BudgetSettings.defaults()).limiter(Provider.JIKAN, List.of(window), JITTER);
        var second = replica(BudgetSettings.defaults()).limiter(Provider.JIKAN, List.of(window), JITTER);
        List<Long> granted = Collections.synchronizedList(new ArrayList<>());
        long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();

        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<CompletableFuture<Void>> callers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                var limiter = i % 2 == 0 ? first : second;
                WorkLane lane = i % 4 == 0 ? WorkLane.INTERACTIVE : WorkLane.BULK;
                callers.add(CompletableFuture.runAsync(() -> {
                    while (System.nanoTime() < until) {
                        acquire(limiter, lane);
                        granted.add(System.nanoTime());
                    }
                }, threads));
            }
            callers.forEach(CompletableFuture::join);
        }

        List<Long> sorted = new ArrayList<>(granted);
        Collections.sort(sorted);
        assertThat(SlidingWindows.maxInAnyWindow(sorted, Duration.ofSeconds(1))).isLessThanOrEqualTo(10);
        // Each replica alone would have let its own 10 through: together they would reach far above.
        assertThat(sorted).hasSizeGreaterThan(10);
    }

    @Test
    void anInteractiveRequestOnOneReplicaGetsTheNextTokenBeforeBulkWorkThatAskedEarlierOnAnother() {
        var window = List.of(new RateLimitWindow(2, Duration.ofSeconds(1), 1)); // one now, then one a second
        var bulkMetrics = new SimpleMeterRegistry();
        var bulkReplica = replica(BudgetSettings.defaults().withBulkShare(1.0), bulkMetrics)
                .limiter(Provider.JIKAN, window, JITTER);
        var interactiveReplica = replica(BudgetSettings.defaults(), new SimpleMeterRegistry())
                .limiter(Provider.JIKAN, window, JITTER);
        acquire(interactiveReplica, WorkLane.INTERACTIVE); // the budget is spent
        List<WorkLane> served = Collections.synchronizedList(new ArrayList<>());

        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            var bulk = CompletableFuture.runAsync(() -> {
                acquire(bulkReplica, WorkLane.BULK);
                served.add(WorkLane.BULK);
            }, threads);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> bulkMetrics.get("trackgeek.provider.budget.bulk.deferrals").counter().count() > 0);
            var interactive = CompletableFuture.runAsync(() -> {
                acquire(interactiveReplica, WorkLane.INTERACTIVE);
                served.add(WorkLane.INTERACTIVE);
            }, threads);
            CompletableFuture.allOf(bulk, interactive).join();
        }

        assertThat(served).containsExactly(WorkLane.INTERACTIVE, WorkLane.BULK);
    }

    @Test
    void aReplicaWithOtherLimitsReplacesTheStoredOnesForAllInsteadOfSplittingTheBudget() {
        var before = List.of(new RateLimitWindow(10, Duration.ofSeconds(1), 3));
        var after = List.of(new RateLimitWindow(4, Duration.ofSeconds(1), 1));
        acquire(replica(BudgetSettings.defaults()).limiter(Provider.JIKAN, before, JITTER), WorkLane.INTERACTIVE);
        var stored = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database).primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("provider_budget").build();
        assertThat(stored.getProxyConfiguration(namespace + "jikan"))
                .contains(ProviderRateLimiter.configuration(Provider.JIKAN, before, JITTER, 1.0));

        acquire(replica(BudgetSettings.defaults()).limiter(Provider.JIKAN, after, JITTER), WorkLane.BULK);

        assertThat(stored.getProxyConfiguration(namespace + "jikan"))
                .contains(ProviderRateLimiter.configuration(Provider.JIKAN, after, JITTER, 1.0));
        assertThat(stored.getProxyConfiguration(namespace + "jikan/bulk"))
                .contains(ProviderRateLimiter.configuration(Provider.JIKAN, after, JITTER, 0.8));
    }

    @Test
    void withTheDatabaseUnreachableNoTokenIsGrantedAndTokensFlowAgainWhenItIsBack() throws Exception {
        var store = new SwitchableDataSource(database);
        var metrics = new SimpleMeterRegistry();
        var limiter = ProviderBudgets.inPostgres(namespace, store, BudgetSettings.defaults(), metrics)
                .limiter(Provider.JIKAN, List.of(new RateLimitWindow(100, Duration.ofSeconds(1), 50)), JITTER);
        acquire(limiter, WorkLane.INTERACTIVE); // the bucket exists
        store.reachable = false;

        var waiting = CompletableFuture.runAsync(() -> acquire(limiter, WorkLane.INTERACTIVE));

        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        assertThat(metrics.get("trackgeek.provider.budget.store.unreachable").gauge().value()).isEqualTo(1);
        store.reachable = true;
        await().atMost(Duration.ofSeconds(10)).until(waiting::isDone);
        assertThat(waiting).isNotCompletedExceptionally();
        assertThat(metrics.get("trackgeek.provider.budget.store.unreachable").gauge().value()).isZero();
        assertThat(metrics.get("trackgeek.provider.budget.store.outages").counter().count()).isEqualTo(1);
    }

    @Test
    void aRequestThatCannotReachTheBudgetFailsAsServiceUnavailableWithoutCallingTheProvider() throws Exception {
        var store = new SwitchableDataSource(database);
        store.reachable = false;
        var limiter = ProviderBudgets.inPostgres(namespace, store,
                        BudgetSettings.defaults().withStoreOutageWait(Duration.ofMillis(500)), new SimpleMeterRegistry())
                .limiter(Provider.JIKAN, List.of(new RateLimitWindow(100, Duration.ofSeconds(1), 50)), JITTER);
        var gateway = new ProviderGateway(Provider.JIKAN, limiter, new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(5)),
                new CircuitBreakerSettings(50, 10, Duration.ofMinutes(1)), new SimpleMeterRegistry());
        var providerCalls = new AtomicInteger();

        var failure = catchThrowableOfType(ProviderException.class, () -> gateway.call("anime_full", MediaType.ANIME, () -> {
            providerCalls.incrementAndGet();
            throw new AssertionError("the provider must not be called without a token");
        }));

        assertThat(failure.code()).isEqualTo(ErrorCode.JIKAN_SERVICE_UNAVAILABLE);
        assertThat(providerCalls).hasValue(0);
    }

    private ProviderBudgets replica(BudgetSettings settings) {
        return replica(settings, new SimpleMeterRegistry());
    }

    private ProviderBudgets replica(BudgetSettings settings, SimpleMeterRegistry metrics) {
        var postgres = SharedInfrastructure.postgres();
        // Connections of its own, as another process would have.
        var connections = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password());
        return ProviderBudgets.inPostgres(namespace, connections, settings, metrics);
    }

    private static void acquire(ProviderRateLimiter limiter, WorkLane lane) {
        try {
            limiter.acquire(lane);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The real database, or one on a port nobody listens on: what a worker sees when PostgreSQL goes away. */
    private static final class SwitchableDataSource extends AbstractDataSource {
        private final DataSource real;
        private final DataSource closedPort;
        volatile boolean reachable = true;

        SwitchableDataSource(DataSource real) throws Exception {
            this.real = real;
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            this.closedPort = new DriverManagerDataSource("jdbc:postgresql://localhost:" + port + "/trackgeek?connectTimeout=1",
                    "postgres", "");
        }

        @Override
        public Connection getConnection() throws SQLException {
            return (reachable ? real : closedPort).getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
