package com.trackgeek.sync.provider.tmdb;

import com.trackgeek.contracts.MediaType;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where TMDB is, how we prove who we are, and how hard we may use it.
 *
 * <p>Either credential suffices: a v4 read access token ({@code bearerToken}, sent as
 * {@code Authorization: Bearer}, preferred when both are set because it never appears in a URI) or a v3 key
 * ({@code apiKey}, sent as the {@code api_key} query parameter). Neither set: the provider is off
 * ({@link #missingSettings()}), the worker still starts. {@link #toString()} never shows either value.
 *
 * @param baseUrl        {@code https://api.themoviedb.org/3} live, or the provider simulator's {@code /tmdb/3}
 * @param apiKey         {@code TRACKGEEK_PROVIDERS_TMDB_API_KEY}
 * @param bearerToken    {@code TRACKGEEK_PROVIDERS_TMDB_BEARER_TOKEN}
 * @param connectTimeout longest wait for a connection
 * @param readTimeout    longest wait for an answer; a slower answer counts as a timeout
 * @param limits         every window we keep to (TMDB's CDN allows roughly 40-50 requests a second)
 * @param idExport       TMDB's daily id export files, which make a whole-catalog bulk sync possible
 */
@Validated
@ConfigurationProperties("trackgeek.providers.tmdb")
record TmdbProperties(@NotNull URI baseUrl,
                      String apiKey,
                      String bearerToken,
                      @DefaultValue("2s") Duration connectTimeout,
                      @DefaultValue("10s") Duration readTimeout,
                      @NotEmpty List<@Valid RateLimitWindow> limits,
                      @DefaultValue RetrySettings retry,
                      @DefaultValue CircuitBreakerSettings circuitBreaker,
                      @DefaultValue IdExport idExport) {

    /**
     * Local copies of TMDB's daily id exports (gzipped JSON lines, {@code files.tmdb.org/p/exports/}); a type whose
     * file is not set cannot be synced whole ({@code BULK_SELECTOR_NOT_SUPPORTED}).
     *
     * @param movieFile {@code trackgeek.providers.tmdb.id-export.movie-file}, e.g. {@code movie_ids_12_02_2026.json.gz}
     * @param tvFile    {@code trackgeek.providers.tmdb.id-export.tv-file}, e.g. {@code tv_series_ids_12_02_2026.json.gz}
     */
    record IdExport(@DefaultValue("") String movieFile, @DefaultValue("") String tvFile) {

        static final String MOVIE_SETTING = "trackgeek.providers.tmdb.id-export.movie-file";
        static final String TV_SETTING = "trackgeek.providers.tmdb.id-export.tv-file";

        static IdExport none() {
            return new IdExport("", "");
        }

        Map<MediaType, Path> files() {
            var files = new EnumMap<MediaType, Path>(MediaType.class);
            if (movieFile != null && !movieFile.isBlank()) {
                files.put(MediaType.MOVIE, Path.of(movieFile.strip()));
            }
            if (tvFile != null && !tvFile.isBlank()) {
                files.put(MediaType.TV_SHOW, Path.of(tvFile.strip()));
            }
            return files;
        }
    }

    static final String API_KEY_ENV = "TRACKGEEK_PROVIDERS_TMDB_API_KEY";
    static final String BEARER_TOKEN_ENV = "TRACKGEEK_PROVIDERS_TMDB_BEARER_TOKEN";

    boolean hasBearerToken() {
        return bearerToken != null && !bearerToken.isBlank();
    }

    boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** The settings still needed, by environment variable name: either credential will do. */
    List<String> missingSettings() {
        List<String> missing = new ArrayList<>();
        if (!hasBearerToken() && !hasApiKey()) {
            missing.add(API_KEY_ENV + " or " + BEARER_TOKEN_ENV);
        }
        return missing;
    }

    @Override
    public String toString() {
        return "TmdbProperties[baseUrl=" + baseUrl
                + ", apiKey=" + (hasApiKey() ? "(set)" : "(not set)")
                + ", bearerToken=" + (hasBearerToken() ? "(set)" : "(not set)")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", limits=" + limits + ", retry=" + retry + ", circuitBreaker=" + circuitBreaker
                + ", idExport=" + idExport + "]";
    }
}
