package com.trackgeek.sync.provider.jikan;

import com.trackgeek.sync.provider.CircuitBreakerSettings;
import com.trackgeek.sync.provider.RetrySettings;
import com.trackgeek.sync.ratelimit.RateLimitWindow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where Jikan is and how hard we may use it.
 *
 * @param baseUrl        {@code https://api.jikan.moe/v4} live, or the provider simulator's {@code /jikan/v4}
 * @param connectTimeout longest wait for a connection
 * @param readTimeout    longest wait for an answer; a slower answer counts as a timeout
 * @param limits         every window Jikan enforces (3/s and 60/min documented)
 */
@Validated
@ConfigurationProperties("trackgeek.providers.jikan")
record JikanProperties(@NotNull URI baseUrl,
                       @DefaultValue("2s") Duration connectTimeout,
                       @DefaultValue("10s") Duration readTimeout,
                       @NotEmpty List<@Valid RateLimitWindow> limits,
                       @DefaultValue RetrySettings retry,
                       @DefaultValue CircuitBreakerSettings circuitBreaker) {
}
