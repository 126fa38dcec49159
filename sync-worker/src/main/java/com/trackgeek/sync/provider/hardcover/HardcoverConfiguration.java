package com.trackgeek.sync.provider.hardcover;

import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderPlumbing;
import com.trackgeek.sync.provider.ProviderSettings;
import com.trackgeek.sync.ratelimit.ProviderBudgets;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import java.time.Clock;

/**
 * Explicit wiring of the Hardcover provider: a GraphQL client on our usual HTTP client, the token as its
 * {@code authorization} header, and one gateway with Hardcover's limits. Without a token the provider still
 * exists, reports the missing setting and never calls Hardcover.
 */
@Configuration(proxyBeanMethods = false)
class HardcoverConfiguration {

    @Bean
    MetadataProvider hardcoverProvider(HardcoverProperties properties, ProviderSettings settings,
                                       RestClient.Builder restClients, ProviderBudgets budgets,
                                       MeterRegistry meterRegistry) {
        var gateway = ProviderPlumbing.gateway(Provider.HARDCOVER, properties.limits(), properties.retry(),
                properties.circuitBreaker(), settings, budgets, meterRegistry);
        var http = ProviderPlumbing.restClient(restClients, properties.baseUrl(), properties.connectTimeout(),
                properties.readTimeout());
        var graphQl = HttpSyncGraphQlClient.builder(http).url(properties.baseUrl());
        if (properties.configured()) {
            graphQl.header(HttpHeaders.AUTHORIZATION, properties.authorization());
        }
        var client = new HardcoverClient(graphQl.build(), gateway, properties.baseUrl().getPath());
        return new HardcoverProvider(client, properties, Clock.systemUTC());
    }
}
