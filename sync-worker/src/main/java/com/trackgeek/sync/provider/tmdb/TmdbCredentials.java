package com.trackgeek.sync.provider.tmdb;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a request proves who we are to TMDB, and the guard that keeps the proof out of messages. A v3 key
 * must travel in the URI ({@code api_key}), and the HTTP client names the URI in its I/O failures, whose
 * message the gateway puts into the sync's failure detail: so every such failure is rewritten here with the
 * key masked before it leaves the client. The bearer token travels in a header and is preferred.
 */
final class TmdbCredentials {

    private static final Pattern API_KEY_PARAMETER = Pattern.compile("(api_key=)[^&\\s\"']*");
    private static final String MASK = "[redacted]";

    private final String apiKey;
    private final String bearerToken;

    private TmdbCredentials(String apiKey, String bearerToken) {
        this.apiKey = apiKey;
        this.bearerToken = bearerToken;
    }

    static TmdbCredentials of(TmdbProperties properties) {
        if (properties.hasBearerToken()) {
            return new TmdbCredentials(null, properties.bearerToken().strip());
        }
        return new TmdbCredentials(properties.hasApiKey() ? properties.apiKey().strip() : null, null);
    }

    /** {@code path?query} with the credential's parameter added when it is a v3 key. */
    URI uri(UriBuilder builder, String path, Map<String, ?> query, Object... pathVariables) {
        builder.path(path);
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < pathVariables.length; i++) {
            variables.put("p" + i, pathVariables[i]);
        }
        query.forEach((name, value) -> {
            builder.queryParam(name, "{" + name + "}");
            variables.put(name, value);
        });
        if (apiKey != null) {
            builder.queryParam("api_key", "{api_key}");
            variables.put("api_key", apiKey);
        }
        return builder.build(variables);
    }

    /** The request with its {@code Authorization} header when the credential is a bearer token. */
    RestClient.RequestHeadersSpec<?> authorize(RestClient.RequestHeadersSpec<?> request) {
        return bearerToken == null ? request : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
    }

    /** The same failure, its message without the key or token; the cause (what kind of I/O failure) kept. */
    ResourceAccessException masked(ResourceAccessException failure) {
        String message = mask(failure.getMessage());
        Throwable cause = failure.getCause();
        return cause instanceof IOException io ? new ResourceAccessException(message, io) : new ResourceAccessException(message);
    }

    String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = API_KEY_PARAMETER.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        if (apiKey != null) {
            masked = masked.replace(apiKey, MASK);
        }
        if (bearerToken != null) {
            masked = masked.replace(bearerToken, MASK);
        }
        return masked;
    }
}
