package com.trackgeek.sync.provider.jikan;

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
 * Explicit wiring of the Jikan provider: its HTTP client, its gateway and its limits. One gateway (one rate
 * limiter, one circuit breaker) for every Jikan endpoint: Jikan counts anime and manga requests against one
 * budget, and so must we.
 */
@Configuration(proxyBeanMethods = false)
class JikanConfiguration {

    @Bean
    MetadataProvider jikanProvider(JikanProperties properties, ProviderSettings settings, RestClient.Builder restClients,
                                   ProviderBudgets budgets, MeterRegistry meterRegistry) {
        var gateway = ProviderPlumbing.gateway(Provider.JIKAN, properties.limits(), properties.retry(),
                properties.circuitBreaker(), settings, budgets, meterRegistry);
        var http = ProviderPlumbing.restClient(restClients, properties.baseUrl(), properties.connectTimeout(),
                properties.readTimeout());
        return new JikanProvider(new JikanClient(http, gateway));
    }
}
