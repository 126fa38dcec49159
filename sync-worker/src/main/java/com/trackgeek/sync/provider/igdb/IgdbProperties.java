package com.trackgeek.sync.provider.igdb;

import com.trackgeek.sync.provider.CircuitBreakerSettings;
import com.trackgeek.sync.provider.RetrySettings;
import com.trackgeek.sync.ratelimit.RateLimitWindow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where IGDB and its Twitch token endpoint are, our Twitch application's credentials, and how hard we may
 * use IGDB.
 *
 * @param baseUrl              {@code https://api.igdb.com/v4} live, or the provider simulator's {@code /igdb/v4}
 * @param tokenUrl             Twitch's client-credentials endpoint, {@code https://id.twitch.tv/oauth2/token} live
 * @param clientId             the Twitch application's client id (env {@code TRACKGEEK_PROVIDERS_IGDB_CLIENT_ID})
 * @param clientSecret         its secret (env {@code TRACKGEEK_PROVIDERS_IGDB_CLIENT_SECRET}); never logged
 * @param limits               IGDB's rate limit (4 requests a second)
 * @param maxInFlight          requests open at IGDB at once, across every replica (IGDB allows 8)
 * @param inFlightWait         longest wait for a free in-flight slot before the fetch fails as unavailable
 * @param inFlightPoll         how often a waiting request looks for a slot another replica released
 * @param tokenRenewalMargin   a token this close to its expiry is renewed before it is used
 */
@Validated
@ConfigurationProperties("trackgeek.providers.igdb")
record IgdbProperties(@DefaultValue("https://api.igdb.com/v4") @NotNull URI baseUrl,
                      @DefaultValue("https://id.twitch.tv/oauth2/token") @NotNull URI tokenUrl,
                      String clientId,
                      String clientSecret,
                      @DefaultValue("2s") Duration connectTimeout,
                      @DefaultValue("10s") Duration readTimeout,
                      @NotEmpty List<@Valid RateLimitWindow> limits,
                      @DefaultValue("8") @Min(1) int maxInFlight,
                      @DefaultValue("30s") Duration inFlightWait,
                      @DefaultValue("20ms") Duration inFlightPoll,
                      @DefaultValue("10m") Duration tokenRenewalMargin,
                      @DefaultValue RetrySettings retry,
                      @DefaultValue CircuitBreakerSettings circuitBreaker) {

    static final String CLIENT_ID_ENV = "TRACKGEEK_PROVIDERS_IGDB_CLIENT_ID";
    static final String CLIENT_SECRET_ENV = "TRACKGEEK_PROVIDERS_IGDB_CLIENT_SECRET";

    /** The credentials still to set, by their environment variable names. */
    List<String> missingSettings() {
        List<String> missing = new ArrayList<>();
        if (clientId == null || clientId.isBlank()) {
            missing.add(CLIENT_ID_ENV);
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            missing.add(CLIENT_SECRET_ENV);
        }
        return missing;
    }

    /** Never the secret: this record is printed by binding errors and debuggers. */
    @Override
    public String toString() {
        return "IgdbProperties[baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null || clientSecret.isBlank() ? "<unset>" : "<redacted>")
                + ", limits=" + limits + ", maxInFlight=" + maxInFlight + ", tokenRenewalMargin=" + tokenRenewalMargin + "]";
    }
}
