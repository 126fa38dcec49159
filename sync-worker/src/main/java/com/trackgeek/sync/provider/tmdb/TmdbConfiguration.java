package com.trackgeek.sync.provider.tmdb;

import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderPlumbing;
import com.trackgeek.sync.provider.ProviderSettings;
import com.trackgeek.sync.ratelimit.ProviderBudgets;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * Explicit wiring of the TMDB provider: one gateway (one rate limiter, one circuit breaker) for movies and
 * TV, as TMDB counts every request of a key together. Created even without credentials: the provider then
 * reports what it misses and the other providers keep working.
 */
@Configuration(proxyBeanMethods = false)
class TmdbConfiguration {

    @Bean
    MetadataProvider tmdbProvider(TmdbProperties properties, ProviderSettings settings, RestClient.Builder restClients,
                                  ProviderBudgets budgets, MeterRegistry meterRegistry) {
        var gateway = ProviderPlumbing.gateway(Provider.TMDB, properties.limits(), properties.retry(),
                properties.circuitBreaker(), settings, budgets, meterRegistry);
        var http = ProviderPlumbing.restClient(restClients, properties.baseUrl(), properties.connectTimeout(),
                properties.readTimeout());
        return new TmdbProvider(new TmdbClient(http, gateway, TmdbCredentials.of(properties)), properties.missingSettings(),
                new TmdbIdExport(properties.idExport().files()));
    }
}
