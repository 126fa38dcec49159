package com.trackgeek.sync.provider;

import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.ratelimit.ProviderBudgets;
import com.trackgeek.sync.ratelimit.RateLimitWindow;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * What every provider package wires the same way: its one gateway (rate limiter on the budget all replicas
 * share, circuit breaker, retries,
 * with the breaker's state as a gauge) and an HTTP client with the provider's timeouts.
 */
public final class ProviderPlumbing {

    private static final String USER_AGENT = "TrackGeekSync/0.1 (+https://github.com/trackgeek)";

    private ProviderPlumbing() {
    }

    public static ProviderGateway gateway(Provider provider, List<RateLimitWindow> limits, RetrySettings retry,
                                          CircuitBreakerSettings breaker, ProviderSettings settings,
                                          ProviderBudgets budgets, MeterRegistry meterRegistry) {
        var limiter = budgets.limiter(provider, limits, settings.jitterAllowance());
        var gateway = new ProviderGateway(provider, limiter, retry, breaker, meterRegistry);
        Gauge.builder("trackgeek.provider.circuit.state", gateway.circuitBreaker(), state -> state.getState().getOrder())
                .description("Circuit breaker state: 0 closed, 1 open, 2 half-open, 3+ disabled or forced")
                .tag("provider", provider.name().toLowerCase())
                .register(meterRegistry);
        return gateway;
    }

    /** A client for {@code baseUrl}; a read slower than {@code readTimeout} counts as a timeout. */
    public static RestClient restClient(RestClient.Builder restClients, URI baseUrl, Duration connectTimeout,
                                        Duration readTimeout) {
        var httpClient = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        var requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(readTimeout);
        return restClients.clone()
                .baseUrl(baseUrl.toString())
                .requestFactory(requestFactory)
                .defaultHeader("User-Agent", USER_AGENT)
                .build();
    }
}
