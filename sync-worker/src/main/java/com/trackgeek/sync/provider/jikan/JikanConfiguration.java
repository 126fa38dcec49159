package com.trackgeek.sync.provider.jikan;

import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderGateway;
import com.trackgeek.sync.provider.ProviderSettings;
import com.trackgeek.sync.ratelimit.ProviderRateLimiter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;

/**
 * Explicit wiring of the Jikan provider: its HTTP client, its gateway and its limits. One gateway (one rate
 * limiter, one circuit breaker) for every Jikan endpoint: Jikan counts anime and manga requests against one
 * budget, and so must we.
 */
@Configuration(proxyBeanMethods = false)
class JikanConfiguration {

    @Bean
    MetadataProvider jikanProvider(JikanProperties properties, ProviderSettings settings, RestClient.Builder restClients,
                                   MeterRegistry meterRegistry) {
        var limiter = ProviderRateLimiter.of(Provider.JIKAN, properties.limits(), settings.jitterAllowance(), meterRegistry);
        var gateway = new ProviderGateway(Provider.JIKAN, limiter, properties.retry(), properties.circuitBreaker(), meterRegistry);
        Gauge.builder("trackgeek.provider.circuit.state", gateway.circuitBreaker(), breaker -> breaker.getState().getOrder())
                .description("Circuit breaker state: 0 closed, 1 open, 2 half-open, 3+ disabled or forced")
                .tag("provider", "jikan")
                .register(meterRegistry);

        var httpClient = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        var requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(properties.readTimeout());
        var http = restClients.clone()
                .baseUrl(properties.baseUrl().toString())
                .requestFactory(requestFactory)
                .defaultHeader("User-Agent", "TrackGeekSync/0.1 (+https://github.com/trackgeek)")
                .build();
        return new JikanProvider(new JikanClient(http, gateway));
    }
}
