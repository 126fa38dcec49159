package com.trackgeek.sync.provider.igdb;

import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.CircuitBreakerSettings;
import com.trackgeek.sync.provider.ProviderSettings;
import com.trackgeek.sync.provider.RetrySettings;
import com.trackgeek.sync.ratelimit.BudgetSettings;
import com.trackgeek.sync.ratelimit.ProviderBudgets;
import com.trackgeek.sync.ratelimit.RateLimitWindow;
import com.trackgeek.sync.ratelimit.SharedInFlightLimit;
import com.trackgeek.testsupport.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * IGDB providers as a worker builds them, on the shared simulator and database (its token and in-flight tables
 * migrated once), each with an in-flight limit of its own that {@link #close()} releases after a test.
 */
final class IgdbTestProviders implements AutoCloseable {

    private static DataSource database;

    private final List<SharedInFlightLimit> limits = new ArrayList<>();

    IgdbProvider provider(String clientId, String clientSecret, MeterRegistry metrics) {
        var postgres = SharedInfrastructure.postgres();
        var simulator = SharedSimulator.simulator();
        var properties = new IgdbProperties(URI.create(simulator.igdbBaseUrl()), URI.create(simulator.twitchTokenUrl()),
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
                database(), limit, ProviderBudgets.inPostgres("test-" + UUID.randomUUID() + "-", database(),
                        BudgetSettings.defaults().withBulkShare(1.0), metrics), metrics, "igdb-test-" + UUID.randomUUID());
    }

    @Override
    public void close() {
        limits.forEach(SharedInFlightLimit::close);
        limits.clear();
    }

    private static synchronized DataSource database() {
        if (database == null) {
            var postgres = SharedInfrastructure.postgres();
            database = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password());
            Flyway.configure().dataSource(database).load().migrate();
        }
        return database;
    }
}
