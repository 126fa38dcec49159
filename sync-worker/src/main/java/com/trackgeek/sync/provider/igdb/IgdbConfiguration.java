package com.trackgeek.sync.provider.igdb;

import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderPlumbing;
import com.trackgeek.sync.provider.ProviderSettings;
import com.trackgeek.sync.ratelimit.ProviderBudgets;
import com.trackgeek.sync.ratelimit.SharedInFlightLimit;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import javax.sql.DataSource;
import java.sql.DriverManager;
import java.time.Clock;

/**
 * Explicit wiring of the IGDB provider: its HTTP clients (IGDB, Twitch's token endpoint), its gateway and
 * limits, the token shared through PostgreSQL and the in-flight limit shared through PostgreSQL advisory
 * locks. The bean exists without credentials too: it then only reports what is missing.
 */
@Configuration(proxyBeanMethods = false)
class IgdbConfiguration {

    /** The {@code provider_token} row and advisory lock key of IGDB's shared Twitch token. */
    static final String TOKEN_KEY = "igdb";

    @Bean(destroyMethod = "close")
    SharedInFlightLimit igdbInFlightLimit(IgdbProperties properties, DataSourceProperties database, MeterRegistry meterRegistry) {
        // A connection of its own, outside the pool: it is held for the process's lifetime, and its death
        // (with the process) is what frees this replica's slots.
        SharedInFlightLimit.ConnectionSource connections = () -> DriverManager.getConnection(
                database.determineUrl(), database.determineUsername(), database.determinePassword());
        return new SharedInFlightLimit(Provider.IGDB, properties.maxInFlight(), properties.inFlightWait(),
                properties.inFlightPoll(), connections, meterRegistry);
    }

    @Bean
    MetadataProvider igdbProvider(IgdbProperties properties, ProviderSettings settings, RestClient.Builder restClients,
                                  DataSource dataSource, SharedInFlightLimit igdbInFlightLimit, ProviderBudgets budgets,
                                  MeterRegistry meterRegistry) {
        return create(properties, settings, restClients, dataSource, igdbInFlightLimit, budgets, meterRegistry, TOKEN_KEY);
    }

    /** One provider instance: what a replica runs. Tests build several on one database to play several replicas. */
    static IgdbProvider create(IgdbProperties properties, ProviderSettings settings, RestClient.Builder restClients,
                               DataSource dataSource, SharedInFlightLimit inFlight, ProviderBudgets budgets,
                               MeterRegistry meterRegistry, String tokenKey) {
        var gateway = ProviderPlumbing.gateway(Provider.IGDB, properties.limits(), properties.retry(),
                properties.circuitBreaker(), settings, budgets, meterRegistry);
        var igdb = ProviderPlumbing.restClient(restClients, properties.baseUrl(), properties.connectTimeout(),
                properties.readTimeout());
        var twitchHttp = ProviderPlumbing.restClient(restClients, properties.tokenUrl(), properties.connectTimeout(),
                properties.readTimeout());
        var twitch = new TwitchTokenClient(twitchHttp, properties.tokenUrl(), nullToEmpty(properties.clientId()),
                nullToEmpty(properties.clientSecret()), Clock.systemUTC());
        var tokens = new TwitchTokens(tokenKey, dataSource, twitch, properties.tokenRenewalMargin(), Clock.systemUTC());
        var client = new IgdbClient(igdb, gateway, inFlight, tokens, nullToEmpty(properties.clientId()));
        return new IgdbProvider(client, properties.missingSettings());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
