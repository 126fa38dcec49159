package com.trackgeek.sync.provider.hardcover;

import com.trackgeek.sync.provider.CircuitBreakerSettings;
import com.trackgeek.sync.provider.RetrySettings;
import com.trackgeek.sync.ratelimit.RateLimitWindow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Where Hardcover's GraphQL endpoint is, the token it wants and how hard we may use it.
 *
 * @param baseUrl        the GraphQL endpoint: {@code https://api.hardcover.app/v1/graphql} live, or the provider
 *                       simulator's {@code /hardcover/v1/graphql}
 * @param token          the API token from Hardcover's account settings, as copied (it starts with
 *                       {@code Bearer }) or bare; blank turns the provider off ({@link #TOKEN_VARIABLE})
 * @param connectTimeout longest wait for a connection
 * @param readTimeout    longest wait for an answer (Hardcover stops a query after 30 s)
 * @param batchSize      books asked for in one query
 * @param limits         every window Hardcover enforces (60 requests a minute)
 */
@Validated
@ConfigurationProperties("trackgeek.providers.hardcover")
record HardcoverProperties(@NotNull URI baseUrl,
                           String token,
                           @DefaultValue("2s") Duration connectTimeout,
                           @DefaultValue("30s") Duration readTimeout,
                           @DefaultValue("20") @Min(1) @Max(100) int batchSize,
                           @NotEmpty List<@Valid RateLimitWindow> limits,
                           @DefaultValue RetrySettings retry,
                           @DefaultValue CircuitBreakerSettings circuitBreaker) {

    /** The environment variable that sets {@link #token()}, named when it is missing. */
    static final String TOKEN_VARIABLE = "TRACKGEEK_PROVIDERS_HARDCOVER_TOKEN";

    private static final String BEARER = "bearer ";

    boolean configured() {
        return token != null && !token.isBlank() && !token.strip().equalsIgnoreCase(BEARER.strip());
    }

    /** The {@code authorization} header's value: Hardcover's settings page hands out the token with its scheme. */
    String authorization() {
        String value = token.strip();
        return value.toLowerCase(Locale.ROOT).startsWith(BEARER) ? value : "Bearer " + value;
    }

    /** Never the token: properties records end up in logs and failure analyses. */
    @Override
    public String toString() {
        return "HardcoverProperties[baseUrl=" + baseUrl + ", token=" + (configured() ? "(set)" : "(missing)")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", batchSize=" + batchSize
                + ", limits=" + limits + ", retry=" + retry + ", circuitBreaker=" + circuitBreaker + "]";
    }
}
