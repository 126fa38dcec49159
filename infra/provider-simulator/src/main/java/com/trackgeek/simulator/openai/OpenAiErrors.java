package com.trackgeek.simulator.openai;

import com.trackgeek.simulator.ProviderErrorBodies;
import com.trackgeek.simulator.RateLimitDecision;
import jakarta.servlet.http.HttpServletRequest;

/**
 * OpenAI's error body {@code {error: {message, type, param, code}}}. The 404 for an unknown model is the recorded
 * fixture ({@link OpenAiRecordings#modelNotFound}); these follow the same shape with OpenAI's documented wording
 * (no recorded sample): 401 invalid_api_key (OpenAI masks all but the ends of the key it got), 429
 * rate_limit_exceeded, 400 invalid_request_error, 500 server_error.
 */
final class OpenAiErrors implements ProviderErrorBodies {

    record Envelope(Error error) {
    }

    record Error(String message, String type, String param, String code) {
    }

    static Envelope invalidKey(String presented) {
        String masked = presented == null || presented.length() < 8 ? "***"
                : presented.substring(0, 3) + "*".repeat(presented.length() - 7) + presented.substring(presented.length() - 4);
        return new Envelope(new Error("Incorrect API key provided: " + masked
                + ". You can find your API key at https://platform.openai.com/account/api-keys.",
                "invalid_request_error", null, "invalid_api_key"));
    }

    static Envelope invalidRequest(String message, String param) {
        return new Envelope(new Error(message, "invalid_request_error", param, null));
    }

    @Override
    public Object rateLimited(RateLimitDecision decision) {
        return new Envelope(new Error("Rate limit reached for requests. Please try again in "
                + decision.retryAfterSeconds() + "s.", "requests", null, "rate_limit_exceeded"));
    }

    @Override
    public Object serverError(HttpServletRequest request) {
        return new Envelope(new Error("The server had an error while processing your request. Sorry about that!",
                "server_error", null, null));
    }
}
