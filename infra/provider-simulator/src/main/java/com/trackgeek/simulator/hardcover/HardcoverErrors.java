package com.trackgeek.simulator.hardcover;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackgeek.simulator.ProviderErrorBodies;
import com.trackgeek.simulator.RateLimitDecision;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;

/**
 * Hardcover's error bodies, in their shapes since the 2026-08 API (personal access tokens): 401
 * {@code {error: "invalid_token", error_description}}, 429 {@code {error: "Too Many Requests", message}}, 500
 * {@code {error}}; and Hasura's GraphQL validation error, which comes with HTTP 200 and no data.
 */
final class HardcoverErrors implements ProviderErrorBodies {

    record InvalidToken(String error, @JsonProperty("error_description") String errorDescription) {
    }

    record TooManyRequests(String error, String message) {
    }

    record Failure(String error) {
    }

    record GraphQlErrors(List<GraphQlError> errors) {
    }

    record GraphQlError(String message, Extensions extensions) {
    }

    record Extensions(String path, String code) {
    }

    static InvalidToken invalidToken() {
        return new InvalidToken("invalid_token", "The access token is missing, invalid or expired");
    }

    static GraphQlErrors validationFailed(String message, String path) {
        return new GraphQlErrors(List.of(new GraphQlError(message, new Extensions(path, "validation-failed"))));
    }

    @Override
    public Object rateLimited(RateLimitDecision decision) {
        return new TooManyRequests("Too Many Requests",
                "Rate limit exceeded, retry after " + decision.retryAfterSeconds() + " seconds");
    }

    @Override
    public Object serverError(HttpServletRequest request) {
        return new Failure("An unknown error occurred");
    }
}
