package com.trackgeek.simulator.googlegenai;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackgeek.simulator.ProviderErrorBodies;
import com.trackgeek.simulator.RateLimitDecision;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;

/**
 * Google's error envelope {@code {error: {code, message, status, details}}}. The 404 for an unknown model is the
 * recorded fixture ({@link GeminiRecordings#modelNotFound}); these others follow the same envelope with Google's
 * documented wording (no recorded sample): 400 API_KEY_INVALID for a wrong key, 403 PERMISSION_DENIED for none,
 * 429 RESOURCE_EXHAUSTED, 500 INTERNAL.
 */
final class GoogleGenaiErrors implements ProviderErrorBodies {

    record Envelope(Error error) {
    }

    record Error(int code, String message, String status, List<Detail> details) {
    }

    record Detail(@JsonProperty("@type") String type, String reason, String domain) {
    }

    static Envelope keyInvalid() {
        return new Envelope(new Error(400, "API key not valid. Please pass a valid API key.", "INVALID_ARGUMENT",
                List.of(new Detail("type.googleapis.com/google.rpc.ErrorInfo", "API_KEY_INVALID", "googleapis.com"))));
    }

    static Envelope keyMissing() {
        return new Envelope(new Error(403, "Method doesn't allow unregistered callers (callers without established "
                + "identity). Please use API Key or other form of API consumer identity to call this API.",
                "PERMISSION_DENIED", List.of()));
    }

    static Envelope invalidArgument(String message) {
        return new Envelope(new Error(400, message, "INVALID_ARGUMENT", List.of()));
    }

    @Override
    public Object rateLimited(RateLimitDecision decision) {
        return new Envelope(new Error(429, "Resource has been exhausted (e.g. check quota).", "RESOURCE_EXHAUSTED", List.of()));
    }

    @Override
    public Object serverError(HttpServletRequest request) {
        return new Envelope(new Error(500, "An internal error has occurred. Please retry or report in "
                + "https://developers.generativeai.google/guide/troubleshooting", "INTERNAL", List.of()));
    }
}
